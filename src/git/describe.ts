// What a report says about the repository scanned: its origin and HEAD (SARIF's versionControlProvenance).
import { runGit } from './repo.js';

/**
 * The repository's origin URL (credentials stripped, scp-style turned into a URI) and HEAD, for SARIF's
 * versionControlProvenance. Missing pieces are left out, never guessed.
 */
export async function describeRepository(root: string): Promise<{ repositoryUri?: string; revisionId?: string; branch?: string }> {
  const [url, head, branch] = await Promise.all([
    runGit(['config', '--get', 'remote.origin.url'], { cwd: root }),
    runGit(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: root }),
    runGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd: root }),
  ]);
  const out: { repositoryUri?: string; revisionId?: string; branch?: string } = {};
  const uri = url.code === 0 ? repositoryUri(url.stdout.toString('utf8').trim()) : undefined;
  if (uri !== undefined) out.repositoryUri = uri;
  if (head.code === 0) out.revisionId = head.stdout.toString('utf8').trim();
  if (branch.code === 0) out.branch = branch.stdout.toString('utf8').trim();
  return out;
}

/** `git@host:org/repo.git` → `ssh://host/org/repo.git`; `https://user:token@host/x` → `https://host/x`. */
export function repositoryUri(remote: string): string | undefined {
  const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)(.+)$/.exec(remote);
  if (scp) return `ssh://${scp[1]}/${scp[2]!.replace(/^\//, '')}`;
  try {
    const url = new URL(remote);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return undefined;
  }
}
