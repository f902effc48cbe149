import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureEventStreams, eventsStreamName, eventsWildcard } from '@ogp/messaging';
import { freePort, SpawnedService, TestIsolation, waitFor } from '@ogp/testing';
import { connect } from 'nats';
import { loadAll, load } from 'js-yaml';

const ROOT = join(__dirname, '..');
const SERVICES = ['gateway', 'commitments', 'participation', 'notifications', 'reporting'];
type Doc = { kind: string; metadata: { name: string }; spec?: any; data?: any; stringData?: any };

function k8sDocs(): Doc[] {
  const dir = join(ROOT, 'deploy', 'k8s');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
    .flatMap((f) => loadAll(readFileSync(join(dir, f), 'utf8')) as Doc[])
    .filter(Boolean);
}

describe('deployment files (no Docker engine here: parsed, cross-checked, start commands run)', () => {
  describe('docker-compose.yml', () => {
    const compose = load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, any> };

    it('runs postgres, redis, NATS with JetStream, the five services and the portal, each infrastructure server with a health check', () => {
      expect(Object.keys(compose.services).sort()).toEqual(
        [...SERVICES, 'portal', 'nats', 'postgres', 'redis', 'mailpit', 'first-admin', 'demo', 'demo-cycle'].sort(),
      );
      expect(compose.services.nats.command).toContain('-js');
      for (const infra of ['postgres', 'redis', 'nats'])
        expect(compose.services[infra].healthcheck.test.length).toBeGreaterThan(0);
    });

    it.each(SERVICES)('%s is built from deploy/Dockerfile for itself and starts after healthy dependencies', (name) => {
      const service = compose.services[name];
      expect(service.build.dockerfile).toBe('deploy/Dockerfile');
      expect(service.build.args.SERVICE).toBe(name);
      expect(service.environment.SERVICE).toBe(name);
      expect(service.environment.DB_SCHEMA).toBe(name);
      for (const infra of ['postgres', 'redis', 'nats'])
        expect(service.depends_on[infra].condition).toBe('service_healthy');
    });

    it('the gateway waits for the four services; only the gateway and the portal are published', () => {
      for (const name of SERVICES.filter((s) => s !== 'gateway')) {
        expect(compose.services.gateway.depends_on[name].condition).toBe('service_healthy');
        expect(compose.services[name].ports).toBeUndefined();
      }
      expect(compose.services.gateway.ports).toEqual(['3000:3000']);
      expect(compose.services.portal.ports).toEqual(['3001:3001']);
    });

    it('the portal is built from its own Dockerfile target, renders from the gateway and starts after it is healthy', () => {
      const portal = compose.services.portal;
      expect(portal.build).toMatchObject({ dockerfile: 'deploy/Dockerfile', target: 'portal' });
      expect(portal.environment.GATEWAY_URL).toBe('http://gateway:3000');
      expect(portal.environment.PORTAL_SECRET).toMatch(/^\$\{PORTAL_SECRET:\?/);
      expect(portal.depends_on.gateway.condition).toBe('service_healthy');
      expect(portal.depends_on.postgres).toBeUndefined();
    });
    it('a development mail catcher receives the e-mails: notifications send to it by default, its web UI is published', () => {
      const mailpit = compose.services.mailpit;
      expect(mailpit.image).toMatch(/^axllent\/mailpit:v\d+\.\d+\.\d+$/);
      expect(mailpit.ports).toEqual(['8025:8025']);
      expect(mailpit.healthcheck.test.length).toBeGreaterThan(0);
      const notifications = compose.services.notifications;
      expect(notifications.environment.SMTP_URL).toBe('${SMTP_URL:-smtp://mailpit:1025}');
      expect(notifications.environment.PORTAL_URL).toBe('${PORTAL_URL:-http://localhost:3001}');
      expect(notifications.depends_on.mailpit.condition).toBe('service_healthy');
      for (const infra of ['postgres', 'redis', 'nats'])
        expect(notifications.depends_on[infra].condition).toBe('service_healthy');
    });

    it('a one-shot first-admin step runs create-admin with the gateway image and settings, from ADMIN_EMAIL and ADMIN_PASSWORD, once the gateway is healthy', () => {
      const step = compose.services['first-admin'];
      expect(step.image).toBe(compose.services.gateway.image);
      expect(step.restart).toBe('no');
      expect(step.profiles).toBeUndefined();
      expect(step.entrypoint.join(' ')).toContain('exec node services/gateway/dist/cli/create-admin.js');
      expect(step.environment).toMatchObject({
        ...compose.services.gateway.environment,
        ADMIN_EMAIL: '${ADMIN_EMAIL:-}',
        ADMIN_PASSWORD: '${ADMIN_PASSWORD:-}',
      });
      expect(step.depends_on.gateway.condition).toBe('service_healthy');
      // Nothing waits on it: without ADMIN_EMAIL it says so and exits 0 instead of failing the stack.
      for (const [name, service] of Object.entries(compose.services))
        if (name !== 'first-admin') expect(service.depends_on?.['first-admin']).toBeUndefined();
    });

    it('the demo data is an optional step (profile demo): the gateway seed, then the 2021 cycle once the seed completed', () => {
      const demo = compose.services.demo;
      const cycle = compose.services['demo-cycle'];
      expect(demo.profiles).toEqual(['demo']);
      expect(cycle.profiles).toEqual(['demo']);
      expect(demo.entrypoint).toEqual(['node', 'services/gateway/dist/demo/seed-demo.js']);
      expect(demo.environment.GATEWAY_URL).toBe('http://gateway:3000');
      expect(demo.depends_on.gateway.condition).toBe('service_healthy');
      expect(cycle.image).toBe(compose.services.participation.image);
      expect(cycle.environment.DB_SCHEMA).toBe('participation');
      expect(cycle.entrypoint.join(' ')).toContain('exec node services/participation/dist/demo/seed-cycle.js');
      expect(cycle.depends_on.demo.condition).toBe('service_completed_successfully');
      for (const name of ['demo', 'demo-cycle']) expect(compose.services[name].restart).toBe('no');
    });
  });

  describe('Kubernetes manifests', () => {
    const docs = k8sDocs();
    const find = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name);

    it.each(SERVICES)('%s has a Deployment with probes, a Service and an HPA scaling that Deployment', (name) => {
      const deployment = find('Deployment', name)!;
      const container = deployment.spec.template.spec.containers[0];
      expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(container.livenessProbe.httpGet.path).toBe('/health/live');
      expect(container.envFrom.map((e: any) => e.configMapRef?.name ?? e.secretRef?.name).sort()).toEqual([
        'ogp-config',
        'ogp-secrets',
      ]);
      expect(find('Service', name)!.spec.selector.app).toBe(name);
      const hpa = find('HorizontalPodAutoscaler', name)!;
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(1);
      expect(hpa.spec.maxReplicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas);
    });

    it('the portal has a Deployment with probes, a public Service and an HPA; of the secrets it gets only its own', () => {
      const container = find('Deployment', 'portal')!.spec.template.spec.containers[0];
      expect(container.image).toBe('ogp/portal:0.1.0');
      expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(container.livenessProbe.httpGet.path).toBe('/health/live');
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'ogp-config' } }]);
      expect(container.env.find((e: any) => e.name === 'PORTAL_SECRET').valueFrom.secretKeyRef).toEqual({
        name: 'ogp-secrets',
        key: 'PORTAL_SECRET',
      });
      expect(container.env.find((e: any) => e.name === 'GATEWAY_URL').value).toBe('http://gateway');
      expect(find('Service', 'portal')!.spec.type).toBe('ClusterIP');
      expect(find('HorizontalPodAutoscaler', 'portal')!.spec.scaleTargetRef.name).toBe('portal');
      expect(Object.keys(find('Secret', 'ogp-secrets')!.stringData)).toContain('PORTAL_SECRET');
    });

    it('configuration comes from a ConfigMap and Secrets that exist, secrets only in Secrets', () => {
      const config = find('ConfigMap', 'ogp-config')!;
      const secret = find('Secret', 'ogp-secrets')!;
      expect(Object.keys(secret.stringData)).toEqual(expect.arrayContaining(['JWT_SECRET', 'REDIS_URL']));
      for (const key of ['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'JWT_SECRET'])
        expect(config.data[key]).toBeUndefined();
      const urls = find('Secret', 'ogp-db-urls')!.stringData;
      for (const name of SERVICES) {
        const env = find('Deployment', name)!.spec.template.spec.containers[0].env;
        expect(env.find((e: any) => e.name === 'DATABASE_URL').valueFrom.secretKeyRef).toEqual({
          name: 'ogp-db-urls',
          key: name,
        });
        expect(env.find((e: any) => e.name === 'DATABASE_MIGRATION_URL').valueFrom.secretKeyRef).toEqual({
          name: 'ogp-db-urls',
          key: `${name}-migrations`,
        });
        // Its own role, through the pooler; migrations straight to the primary.
        expect(new URL(urls[name])).toMatchObject({ username: name, hostname: 'ogp-db-pooler-rw' });
        expect(new URL(urls[`${name}-migrations`])).toMatchObject({ username: name, hostname: 'ogp-db-rw' });
      }
    });

    it('every Deployment keeps two replicas or more and has a PodDisruptionBudget letting one go at a time', () => {
      for (const name of [...SERVICES, 'portal']) {
        expect(find('Deployment', name)!.spec.replicas).toBeGreaterThanOrEqual(2);
        expect(find('HorizontalPodAutoscaler', name)!.spec.minReplicas).toBeGreaterThanOrEqual(2);
        const pdb = find('PodDisruptionBudget', name)!;
        expect(pdb.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: { app: name } } });
      }
      expect(find('PodDisruptionBudget', 'nats')!.spec).toEqual({
        maxUnavailable: 1,
        selector: { matchLabels: { app: 'nats' } },
      });
    });

    it('an Ingress sends the public to the portal and the gateway, on their http ports only', () => {
      const ingress = find('Ingress', 'ogp')!;
      const backends = ingress.spec.rules.flatMap((r: any) => r.http.paths.map((p: any) => p.backend.service));
      expect(backends.map((b: any) => b.name).sort()).toEqual(['gateway', 'portal']);
      for (const b of backends) expect(b.port).toEqual({ name: 'http' });
      expect(ingress.spec.tls[0].hosts.sort()).toEqual(ingress.spec.rules.map((r: any) => r.host).sort());
    });

    describe('network policies (evaluated with the Kubernetes semantics: a pod selected by a policy of a direction accepts only what one of them allows)', () => {
      const policies = docs.filter((d) => d.kind === 'NetworkPolicy');
      type Pod = { ns: string; labels: Record<string, string>; ports: Record<string, number> };
      const ports = (name: string): Record<string, number> => {
        const workload = docs.find(
          (d) => (d.kind === 'Deployment' || d.kind === 'StatefulSet') && d.metadata.name === name,
        )!;
        return Object.fromEntries(
          workload.spec.template.spec.containers[0].ports.map((p: any) => [p.name, p.containerPort]),
        );
      };
      const pod = (name: string): Pod => {
        const workload = docs.find(
          (d) => (d.kind === 'Deployment' || d.kind === 'StatefulSet') && d.metadata.name === name,
        )!;
        return { ns: 'ogp', labels: workload.spec.template.metadata.labels, ports: ports(name) };
      };
      const pods: Record<string, Pod> = {
        ...Object.fromEntries([...SERVICES, 'portal', 'nats', 'redis'].map((n) => [n, pod(n)])),
        postgres: { ns: 'ogp', labels: { 'cnpg.io/cluster': 'ogp-db' }, ports: { postgres: 5432 } },
        pooler: { ns: 'ogp', labels: { 'cnpg.io/poolerName': 'ogp-db-pooler-rw' }, ports: { pgbouncer: 5432 } },
        ingress: { ns: 'ingress-nginx', labels: { app: 'ingress-nginx' }, ports: {} },
        prometheus: { ns: 'monitoring', labels: { app: 'prometheus' }, ports: {} },
        stranger: { ns: 'default', labels: { app: 'stranger' }, ports: {} },
      };
      const matches = (selector: any, labels: Record<string, string>): boolean =>
        Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
        (selector?.matchExpressions ?? []).every((e: any) =>
          e.operator === 'In' ? e.values.includes(labels[e.key]) : true,
        );
      const peerMatches = (peer: any, other: Pod): boolean => {
        if (peer.ipBlock) return other.ns === 'external';
        const nsOk = peer.namespaceSelector
          ? matches(peer.namespaceSelector, { 'kubernetes.io/metadata.name': other.ns })
          : other.ns === 'ogp';
        return nsOk && (peer.podSelector ? matches(peer.podSelector, other.labels) : true);
      };
      const portMatches = (rulePorts: any[] | undefined, target: Pod, port: number): boolean =>
        !rulePorts ||
        rulePorts.some((p) => (typeof p.port === 'string' ? target.ports[p.port] === port : p.port === port));
      const allowedBy = (
        direction: 'Ingress' | 'Egress',
        self: Pod,
        other: Pod,
        portOwner: Pod,
        port: number,
      ): boolean => {
        if (self.ns !== 'ogp') return true;
        const selecting = policies.filter(
          (p) => p.spec.policyTypes.includes(direction) && matches(p.spec.podSelector, self.labels),
        );
        if (selecting.length === 0) return true;
        const key = direction === 'Ingress' ? 'ingress' : 'egress';
        const peers = direction === 'Ingress' ? 'from' : 'to';
        return selecting.some((p) =>
          (p.spec[key] ?? []).some(
            (rule: any) =>
              (!rule[peers] || rule[peers].some((peer: any) => peerMatches(peer, other))) &&
              portMatches(rule.ports, portOwner, port),
          ),
        );
      };
      const can = (from: string, to: string, portName: string): boolean => {
        const [a, b] = [pods[from], pods[to]];
        const port = b.ports[portName];
        expect([to, portName, port]).toEqual([to, portName, expect.any(Number)]);
        return allowedBy('Egress', a, b, b, port) && allowedBy('Ingress', b, a, b, port);
      };

      it('deny by default in both directions', () => {
        expect(policies.find((p) => p.metadata.name === 'default-deny')!.spec).toEqual({
          podSelector: {},
          policyTypes: ['Ingress', 'Egress'],
        });
      });

      it.each([
        ['ingress', 'portal', 'http'],
        ['ingress', 'gateway', 'http'],
        ['portal', 'gateway', 'http'],
        ['prometheus', 'gateway', 'metrics'],
        ['prometheus', 'reporting', 'metrics'],
        ...SERVICES.flatMap((s) => [
          [s, 'nats', 'client'],
          [s, 'redis', 'redis'],
          [s, 'pooler', 'pgbouncer'],
          [s, 'postgres', 'postgres'],
        ]),
        ['pooler', 'postgres', 'postgres'],
        ['nats', 'nats', 'cluster'],
      ])('%s may reach %s:%s', (from, to, port) => {
        expect(can(from, to, port)).toBe(true);
      });

      it.each([
        ['ingress', 'gateway', 'metrics'],
        ['ingress', 'commitments', 'http'],
        ['ingress', 'postgres', 'postgres'],
        ['ingress', 'nats', 'client'],
        ['ingress', 'redis', 'redis'],
        ['stranger', 'gateway', 'http'],
        ['stranger', 'pooler', 'pgbouncer'],
        ['stranger', 'nats', 'client'],
        ['portal', 'postgres', 'postgres'],
        ['portal', 'nats', 'client'],
        ['portal', 'redis', 'redis'],
        ['portal', 'commitments', 'http'],
        ['prometheus', 'postgres', 'postgres'],
        ['gateway', 'commitments', 'metrics'],
      ])('%s may not reach %s:%s', (from, to, port) => {
        expect(can(from, to, port)).toBe(false);
      });
    });

    it('Postgres is a three-instance CloudNativePG cluster behind a transaction pooler sized for the autoscalers', () => {
      const cluster = find('Cluster', 'ogp-db')!;
      const pooler = find('Pooler', 'ogp-db-pooler-rw')!;
      expect(cluster.spec.instances).toBe(3);
      expect(pooler.spec).toMatchObject({
        cluster: { name: 'ogp-db' },
        type: 'rw',
        pgbouncer: { poolMode: 'transaction' },
      });
      // search_path cannot pass through PgBouncer: each service's role carries it.
      const sql: string[] = cluster.spec.bootstrap.initdb.postInitApplicationSQL;
      for (const name of SERVICES) {
        expect(sql).toContain(`ALTER ROLE ${name} IN DATABASE ogp SET search_path = ${name}, public`);
        expect(cluster.spec.managed.roles.find((r: any) => r.name === name).passwordSecret.name).toBe(`ogp-db-${name}`);
      }
      expect(pooler.spec.pgbouncer.parameters.ignore_startup_parameters.split(',')).toContain('options');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { SERVICES: rendered } = require(join(ROOT, 'deploy', 'k8s', 'render.js')) as {
        SERVICES: { name: string; max: number; portal?: boolean }[];
      };
      const poolSize = Number(find('ConfigMap', 'ogp-config')!.data.DB_POOL_SIZE);
      const clients = rendered.filter((s) => !s.portal).reduce((sum, s) => sum + s.max * poolSize, 0);
      const params = pooler.spec.pgbouncer.parameters;
      expect(clients).toBeLessThanOrEqual(Number(params.max_client_conn));
      const servers =
        pooler.spec.instances * SERVICES.length * Number(params.default_pool_size) + SERVICES.length * 2 + 10;
      expect(servers).toBeLessThanOrEqual(Number(cluster.spec.postgresql.parameters.max_connections));
    });

    it('NATS is a three-node JetStream cluster whose configuration nats-server accepts, and the streams are replicated three times', () => {
      const nats = find('StatefulSet', 'nats')!;
      const conf: string = find('ConfigMap', 'nats-config')!.data['nats.conf'];
      expect(nats.spec.replicas).toBe(3);
      expect(conf).toMatch(/jetstream\s*\{[^}]*store_dir/);
      for (const i of [0, 1, 2]) expect(conf).toContain(`nats://nats-${i}.nats-cluster.ogp.svc.cluster.local:6222`);
      expect(find('Service', 'nats-cluster')!.spec.clusterIP).toBe('None');
      expect(nats.spec.volumeClaimTemplates[0].metadata.name).toBe('jetstream');
      expect(nats.spec.template.spec.containers[0].volumeMounts.map((m: any) => m.name)).toContain('jetstream');
      expect(find('ConfigMap', 'ogp-config')!.data.JETSTREAM_REPLICAS).toBe('3');
      const dir = mkdtempSync(join(tmpdir(), 'nats-conf-'));
      try {
        writeFileSync(join(dir, 'nats.conf'), conf);
        const checked = spawnSync('/usr/sbin/nats-server', ['-t', '-c', join(dir, 'nats.conf')], {
          env: { POD_NAME: 'nats-0' },
          encoding: 'utf8',
        });
        expect(`${checked.stdout}${checked.stderr}`).toContain('is valid');
        expect(checked.status).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('kustomization lists every manifest, and the service manifests match their renderer', () => {
      const kustomization = load(readFileSync(join(ROOT, 'deploy', 'k8s', 'kustomization.yaml'), 'utf8')) as {
        resources: string[];
      };
      const files = readdirSync(join(ROOT, 'deploy', 'k8s')).filter(
        (f) => f.endsWith('.yaml') && f !== 'kustomization.yaml',
      );
      expect([...kustomization.resources].sort()).toEqual(files.sort());
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { files: rendered } = require(join(ROOT, 'deploy', 'k8s', 'render.js')) as {
        files: { file: string; text: string }[];
      };
      for (const { file, text } of rendered) expect(readFileSync(join(ROOT, 'deploy', 'k8s', file), 'utf8')).toBe(text);
    });
  });

  describe('the NATS cluster configuration, run as three local nodes', () => {
    const nodes: { proc: ChildProcess; client: number }[] = [];
    let dir = '';
    afterAll(async () => {
      for (const n of nodes) n.proc.kill('SIGKILL');
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('keeps every event with one node of three dead (streams created as the services create them, JETSTREAM_REPLICAS=3)', async () => {
      const conf: string = (k8sDocs().find((d) => d.kind === 'ConfigMap' && d.metadata.name === 'nats-config') as Doc)
        .data['nats.conf'];
      dir = mkdtempSync(join(tmpdir(), 'nats-cluster-'));
      const ports = await Promise.all(
        [0, 1, 2].map(async () => ({ client: await freePort(), cluster: await freePort(), monitor: await freePort() })),
      );
      for (const [i, p] of ports.entries()) {
        // The same file, with this machine's addresses in place of the cluster's names and ports.
        const local = conf
          .replace(/^port: 4222$/m, `port: ${p.client}\nhost: 127.0.0.1`)
          .replace(/^http_port: 8222$/m, `http_port: ${p.monitor}`)
          .replace(/port: 6222/, `port: ${p.cluster}`)
          .replace(
            /nats:\/\/nats-(\d)\.nats-cluster\.ogp\.svc\.cluster\.local:6222/g,
            (_m, n) => `nats://127.0.0.1:${ports[Number(n)].cluster}`,
          )
          .replace('/var/run/nats/nats.pid', join(dir, `nats-${i}.pid`))
          .replace('/data/jetstream', join(dir, `js-${i}`));
        expect(local).not.toMatch(/svc\.cluster\.local|\/data\/|\/var\/run/);
        writeFileSync(join(dir, `nats-${i}.conf`), local);
        const proc = spawn('/usr/sbin/nats-server', ['-c', join(dir, `nats-${i}.conf`)], {
          env: { POD_NAME: `nats-${i}` },
          stdio: 'ignore',
        });
        nodes.push({ proc, client: p.client });
      }
      const servers = ports.map((p) => `127.0.0.1:${p.client}`);
      const nc = await waitFor(async () => connect({ servers, maxReconnectAttempts: -1 }), { timeoutMs: 30000 });
      try {
        const jsm = await waitFor(
          async () => {
            const m = await nc.jetstreamManager();
            await ensureEventStreams(m, 'deploytest', 3);
            return m;
          },
          { timeoutMs: 60000 },
        );
        const info = await jsm.streams.info(eventsStreamName('deploytest'));
        expect(info.config.num_replicas).toBe(3);
        const js = nc.jetstream();
        const subject = `${eventsWildcard('deploytest').replace(/>$/, '')}deploy.check`;
        await js.publish(subject, new TextEncoder().encode('before'));
        // Kill a node that is not the one this client talks to... or is: either way, two of three remain.
        nodes[2].proc.kill('SIGKILL');
        const ack = await waitFor(async () => js.publish(subject, new TextEncoder().encode('after')), {
          timeoutMs: 30000,
        });
        expect(ack.seq).toBe(2);
        const after = await waitFor(
          async () => {
            const state = (await jsm.streams.info(eventsStreamName('deploytest'))).state;
            if (state.messages !== 2) throw new Error(`messages ${state.messages}`);
            return state;
          },
          { timeoutMs: 30000 },
        );
        expect(after.messages).toBe(2);
      } finally {
        await nc.close();
      }
    }, 150000);
  });

  describe("the image's start command, run as a plain process against the local servers", () => {
    const iso = new TestIsolation();
    afterAll(() => iso.cleanup());

    const dockerfile = readFileSync(join(ROOT, 'deploy', 'Dockerfile'), 'utf8');
    const entrypoint = JSON.parse(/^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)![1]) as string[];

    it('has a portal target running the Next.js standalone server, built with standalone output', () => {
      expect(dockerfile).toMatch(/^FROM deps AS portal-build$/m);
      expect(dockerfile).toMatch(/NEXT_OUTPUT=standalone .*next build/);
      expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim AS portal$/m);
      expect(dockerfile).toContain('CMD ["node", "services/portal/server.js"]');
      // The services' stage stays the last one: a build without --target gives the services' image.
      expect(dockerfile.lastIndexOf('ENTRYPOINT')).toBeGreaterThan(dockerfile.lastIndexOf('AS portal'));
    });

    it('is exec form, so the service receives SIGTERM itself', () => {
      expect(entrypoint[0]).toBe('/bin/sh');
      expect(entrypoint[2]).toMatch(/^exec node services\/\$SERVICE\/dist\/main\.js$/);
    });

    it("compose's first-admin step, run as a plain process: without ADMIN_EMAIL it says so and exits 0; with it, it creates the administrator", () => {
      const compose = load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, any> };
      // Compose turns $$ into $ before the shell sees it.
      const [shell, flag, script] = (compose.services['first-admin'].entrypoint as string[]).map((part) =>
        part.replace(/\$\$/g, '$'),
      );
      const run = (env: Record<string, string>) =>
        spawnSync(shell, [flag, script], {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', ...iso.env('gateway'), ...env },
          encoding: 'utf8',
          timeout: 60000,
        });
      const skipped = run({});
      expect(skipped.status).toBe(0);
      expect(skipped.stdout).toContain('first-admin: ADMIN_EMAIL and ADMIN_PASSWORD not set, no administrator created');
      const created = run({ ADMIN_EMAIL: 'root@test.ma', ADMIN_PASSWORD: 'a sturdy admin passphrase' });
      expect(created.stderr).toBe('');
      expect(created.status).toBe(0);
      expect(created.stdout).toContain('administrator root@test.ma: created');
    });

    it.each(SERVICES)('%s starts, becomes ready and stops cleanly on SIGTERM', async (name) => {
      const env = iso.env(name, {
        SERVICE: name,
        HTTP_PORT: String(await freePort()),
        HTTP_HOST: '0.0.0.0',
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
      });
      const service = new SpawnedService(name, env, entrypoint).start();
      await service.ready();
      expect(await service.stop()).toBe(0);
      expect(service.output).toContain('"msg":"stopped"');
    });
  });
});
