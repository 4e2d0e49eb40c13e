// CI/CD pipeline definitions with inline credentials (and the proper secret references as negatives).

export const templates = [
  {
    name: 'jenkinsfile', count: 2,
    make(g) {
      const c = g.pair();
      const c2 = g.cred(g.chance(0.5));
      const v = g.int(0, 1);
      const lines = ['pipeline {', '  agent { label "docker" }', '  environment {', `    REGION = "${g.region()}"`];
      if (v === 0) lines.push(`    AWS_ACCESS_KEY_ID = '${c.id}'`, `    AWS_SECRET_ACCESS_KEY = '${c.secret}'`);
      else lines.push("    AWS_CREDS = credentials('aws-prod')", `    LEGACY_KEY = "${c.id}"`);
      lines.push('  }', '  stages {', "    stage('Build') {", '      steps {', "        sh 'make build'", '      }', '    }',
        "    stage('Publish') {", '      steps {');
      if (v === 1) lines.push(`        // TODO move to credentials store, pairs with LEGACY_KEY`, `        sh "aws configure set aws_secret_access_key ${c.secret}"`);
      lines.push(`        withEnv(["AWS_ACCESS_KEY_ID=${c2.id}",`, `                 "AWS_SECRET_ACCESS_KEY=${c2.secret}"` + (c2.token ? ',' : ']) {'));
      if (c2.token) lines.push(`                 "AWS_SESSION_TOKEN=${c2.token}"]) {`);
      lines.push(`          sh 'aws s3 cp target/app.jar s3://${g.bucket()}/releases/'`, '        }',
        "        withCredentials([usernamePassword(credentialsId: 'aws-prod', usernameVariable: 'AWS_ACCESS_KEY_ID', passwordVariable: 'AWS_SECRET_ACCESS_KEY')]) {",
        "          sh 'aws sts get-caller-identity'", '        }', '      }', '    }', '  }', '}');
      g.file(`repos/${g.project()}/Jenkinsfile`, lines, { fmt: 'jenkinsfile' });
    },
  },
  {
    name: 'gitlab-ci', count: 3,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 2);
      const lines = ['stages: [build, deploy]', '', 'variables:', `  AWS_DEFAULT_REGION: ${g.region()}`];
      if (v === 0) lines.push(`  AWS_ACCESS_KEY_ID: ${g.q(c.id)}`, `  AWS_SECRET_ACCESS_KEY: ${g.q(c.secret)}`);
      else lines.push('  AWS_ACCESS_KEY_ID: $CI_AWS_KEY_ID', '  AWS_SECRET_ACCESS_KEY: $CI_AWS_SECRET');
      lines.push('', 'build:', '  stage: build', '  image: node:20', '  script:', '    - npm ci', '    - npm run build', '',
        'deploy:', '  stage: deploy', `  image: registry.gitlab.com/gitlab-org/cloud-deploy/aws-base@sha256:${g.neg.hex(64)}`, '  script:');
      if (v === 1) lines.push(`    - aws configure set aws_access_key_id ${c.id}`, `    - aws configure set aws_secret_access_key ${c.secret}`);
      if (v === 2) lines.push('    - >', `      AWS_ACCESS_KEY_ID=${c.id}`, `      AWS_SECRET_ACCESS_KEY=${c.secret}`, `      aws s3 sync public s3://${g.bucket()}`);
      else lines.push(`    - aws s3 sync public s3://${g.bucket()} --delete`);
      lines.push('  only: [main]');
      g.file(`repos/${g.project()}/.gitlab-ci.yml`, lines, { fmt: 'gitlab-ci' });
    },
  },
  {
    name: 'circleci', count: 2,
    make(g) {
      const c = g.cred(g.chance(0.3));
      const lines = ['version: 2.1', 'orbs:', '  aws-cli: circleci/aws-cli@4.1', 'jobs:', '  deploy:', '    docker:', '      - image: cimg/python:3.12',
        '        auth:', '          username: ci', '          password: $DOCKERHUB_PASSWORD', '    environment:', `      AWS_REGION: ${g.region()}`,
        `      AWS_ACCESS_KEY_ID: ${c.id}`, `      AWS_SECRET_ACCESS_KEY: ${c.secret}`];
      if (c.token) lines.push(`      AWS_SESSION_TOKEN: ${c.token}`);
      lines.push('    steps:', '      - checkout', '      - run:', '          name: upload', `          command: aws s3 cp dist s3://${g.bucket()} --recursive`,
        'workflows:', '  main:', '    jobs: [deploy]');
      g.file(`repos/${g.project()}/.circleci/config.yml`, lines, { fmt: 'circleci' });
    },
  },
  {
    name: 'azure-pipelines', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['trigger:', '  - main', 'pool:', '  vmImage: ubuntu-latest', 'variables:', '  - group: shared-secrets',
        '  - name: awsRegion', `    value: ${g.region()}`, '  - name: awsKeyId', `    value: ${c.id}`, 'steps:', '  - script: |',
        '      set -x', '      export AWS_ACCESS_KEY_ID=$(awsKeyId)', `      export AWS_SECRET_ACCESS_KEY=${c.secret}`,
        `      aws s3 cp $(Build.ArtifactStagingDirectory) s3://${g.bucket()}/ --recursive`, '    displayName: Upload to S3',
        '  - task: S3Upload@1', '    inputs:', '      awsCredentials: aws-service-connection', `      bucketName: ${g.bucket()}`,
        '  - script: ./smoke.sh', '    env:', '      AWS_SECRET_ACCESS_KEY: $(awsSecretKey)', `      BUILD_SHA: ${g.neg.hex(40)}`];
      g.file(`repos/${g.project()}/azure-pipelines.yml`, lines, { fmt: 'azure-pipelines' });
    },
  },
  {
    name: 'bitbucket-pipelines', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['image: atlassian/default-image:4', 'pipelines:', '  branches:', '    main:', '      - step:', '          name: Deploy to S3',
        '          script:', '            - pipe: atlassian/aws-s3-deploy:1.6.0', '              variables:',
        `                AWS_ACCESS_KEY_ID: '${c.id}'`, `                AWS_SECRET_ACCESS_KEY: '${c.secret}'`,
        `                AWS_DEFAULT_REGION: '${g.region()}'`, `                S3_BUCKET: '${g.bucket()}'`, "                LOCAL_PATH: 'build'",
        '      - step:', '          name: Invalidate', '          script:', '            - pipe: atlassian/aws-cloudfront-invalidate:0.9.0',
        '              variables:', '                AWS_ACCESS_KEY_ID: $AWS_ACCESS_KEY_ID', '                AWS_SECRET_ACCESS_KEY: $AWS_SECRET_ACCESS_KEY',
        `                DISTRIBUTION_ID: 'E${g.neg.b32(13)}'`];
      g.file(`repos/${g.project()}/bitbucket-pipelines.yml`, lines, { fmt: 'bitbucket-pipelines' });
    },
  },
  {
    name: 'gha-heredoc', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['name: nightly-export', 'on:', '  schedule:', "    - cron: '0 2 * * *'", 'jobs:', '  export:', '    runs-on: ubuntu-latest',
        '    steps:', `      - uses: actions/checkout@${g.neg.hex(40)} # v4`, '      - name: Configure credentials (temporary hack)', '        run: |',
        '          mkdir -p ~/.aws', '          cat > ~/.aws/credentials <<EOF', '          [default]', `          aws_access_key_id = ${c.id}`,
        `          aws_secret_access_key = ${c.secret}`, '          EOF', `      - uses: aws-actions/configure-aws-credentials@${g.neg.hex(40)}`,
        '        with:', '          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}', '          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
        `          aws-region: ${g.region()}`, '      - run: python export.py'];
      g.file(`repos/${g.project()}/.github/workflows/nightly.yml`, lines, { fmt: 'github-actions' });
    },
  },
  {
    name: 'concourse-drone', count: 2,
    make(g) {
      const c = g.pair();
      let lines, p;
      if (g.chance(0.5)) {
        p = 'ci/pipeline.yml';
        lines = ['resources:', '- name: release-bucket', '  type: s3', '  source:', `    bucket: ${g.bucket()}`, '    regexp: releases/app-(.*).tgz',
          `    access_key_id: ${c.id}`, `    secret_access_key: ${c.secret}`, '- name: source', '  type: git', '  source:',
          '    uri: git@github.com:acme/app.git', '    private_key: ((github_deploy_key))', '- name: staging-bucket', '  type: s3', '  source:',
          '    bucket: staging', '    access_key_id: ((aws_access_key_id))', '    secret_access_key: ((aws_secret_access_key))'];
      } else {
        p = '.drone.yml';
        lines = ['kind: pipeline', 'type: docker', 'name: default', 'steps:', '- name: publish', '  image: plugins/s3', '  settings:',
          `    bucket: ${g.bucket()}`, `    access_key: ${c.id}`, '    secret_key:', `      ${c.secret}`, '    source: dist/**/*', '    target: /',
          '- name: notify', '  image: plugins/slack', '  settings:', '    webhook:', '      from_secret: slack_webhook'];
      }
      g.file(`repos/${g.project()}/${p}`, lines, { fmt: 'concourse/drone' });
    },
  },
];
