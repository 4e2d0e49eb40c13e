// Vocabulary for realistic-looking paths, names and surrounding text.
export const PROJECTS = [
  'payments-api', 'billing-service', 'data-pipeline', 'ml-training', 'web-frontend', 'mobile-backend',
  'infra-live', 'platform-tools', 'etl-jobs', 'analytics', 'image-resizer', 'notification-svc',
  'customer-portal', 'inventory', 'search-indexer', 'auth-gateway', 'reporting', 'devops-scripts',
  'legacy-monolith', 'crm-sync', 'log-shipper', 'backup-tool', 'video-transcoder', 'chatbot',
  'iot-ingest', 'warehouse-loader', 'marketing-site', 'admin-dashboard', 'order-service', 'geo-api',
];
export const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'ops', 'deploy', 'jenkins', 'ubuntu', 'ec2-user'];
export const PROFILES = ['default', 'prod', 'staging', 'dev', 'qa', 'admin', 'readonly', 'ci', 'backup', 'sandbox', 'legacy', 'data-team', 'terraform', 'personal'];
export const SERVICES = ['s3', 'dynamodb', 'sqs', 'sns', 'lambda', 'ses', 'kinesis', 'ec2', 'rds', 'ecr'];
export const WORDS = ['upload', 'assets', 'reports', 'backups', 'logs', 'media', 'exports', 'archive', 'static', 'raw', 'processed', 'tmp'];

export function bucket(rng) {
  return `${rng.pick(['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark', 'wayne', 'wonka'])}-${rng.pick(WORDS)}-${rng.pick(['prod', 'dev', 'staging', 'eu', 'us', '2023', '2024'])}`;
}
export function project(rng) {
  return rng.pick(PROJECTS);
}
export function date(rng) {
  const y = rng.int(2019, 2025);
  const m = String(rng.int(1, 12)).padStart(2, '0');
  const d = String(rng.int(1, 28)).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
export function time(rng) {
  return `${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
}
export function ip(rng) {
  return `${rng.int(10, 203)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}
