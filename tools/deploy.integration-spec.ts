import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, SpawnedService, TestIsolation } from '@ogp/testing';
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
      expect(Object.keys(compose.services).sort()).toEqual([...SERVICES, 'portal', 'nats', 'postgres', 'redis', 'mailpit', 'first-admin', 'demo', 'demo-cycle'].sort());
      expect(compose.services.nats.command).toContain('-js');
      for (const infra of ['postgres', 'redis', 'nats']) expect(compose.services[infra].healthcheck.test.length).toBeGreaterThan(0);
    });

    it.each(SERVICES)('%s is built from deploy/Dockerfile for itself and starts after healthy dependencies', (name) => {
      const service = compose.services[name];
      expect(service.build.dockerfile).toBe('deploy/Dockerfile');
      expect(service.build.args.SERVICE).toBe(name);
      expect(service.environment.SERVICE).toBe(name);
      expect(service.environment.DB_SCHEMA).toBe(name);
      for (const infra of ['postgres', 'redis', 'nats']) expect(service.depends_on[infra].condition).toBe('service_healthy');
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
      for (const infra of ['postgres', 'redis', 'nats']) expect(notifications.depends_on[infra].condition).toBe('service_healthy');
    });

    it('a one-shot first-admin step runs create-admin with the gateway image and settings, from ADMIN_EMAIL and ADMIN_PASSWORD, once the gateway is healthy', () => {
      const step = compose.services['first-admin'];
      expect(step.image).toBe(compose.services.gateway.image);
      expect(step.restart).toBe('no');
      expect(step.profiles).toBeUndefined();
      expect(step.entrypoint.join(' ')).toContain('exec node services/gateway/dist/cli/create-admin.js');
      expect(step.environment).toMatchObject({ ...compose.services.gateway.environment, ADMIN_EMAIL: '${ADMIN_EMAIL:-}', ADMIN_PASSWORD: '${ADMIN_PASSWORD:-}' });
      expect(step.depends_on.gateway.condition).toBe('service_healthy');
      // Nothing waits on it: without ADMIN_EMAIL it says so and exits 0 instead of failing the stack.
      for (const [name, service] of Object.entries(compose.services)) if (name !== 'first-admin') expect(service.depends_on?.['first-admin']).toBeUndefined();
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
      expect(container.envFrom.map((e: any) => e.configMapRef?.name ?? e.secretRef?.name).sort()).toEqual(['ogp-config', 'ogp-secrets']);
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
      expect(container.env.find((e: any) => e.name === 'PORTAL_SECRET').valueFrom.secretKeyRef).toEqual({ name: 'ogp-secrets', key: 'PORTAL_SECRET' });
      expect(container.env.find((e: any) => e.name === 'GATEWAY_URL').value).toBe('http://gateway');
      expect(find('Service', 'portal')!.spec.type).toBe('LoadBalancer');
      expect(find('HorizontalPodAutoscaler', 'portal')!.spec.scaleTargetRef.name).toBe('portal');
      expect(Object.keys(find('Secret', 'ogp-secrets')!.stringData)).toContain('PORTAL_SECRET');
    });

    it('configuration comes from a ConfigMap and a Secret that exist, secrets only in the Secret', () => {
      const config = find('ConfigMap', 'ogp-config')!;
      const secret = find('Secret', 'ogp-secrets')!;
      expect(Object.keys(secret.stringData)).toEqual(expect.arrayContaining(['DATABASE_URL', 'JWT_SECRET', 'REDIS_URL']));
      for (const key of ['DATABASE_URL', 'JWT_SECRET']) expect(config.data[key]).toBeUndefined();
    });

    it('NATS runs with JetStream on a persistent volume', () => {
      const nats = find('StatefulSet', 'nats')!;
      expect(find('ConfigMap', 'nats-config')!.data['nats.conf']).toMatch(/jetstream\s*\{[^}]*store_dir/);
      expect(nats.spec.volumeClaimTemplates[0].metadata.name).toBe('jetstream');
      expect(nats.spec.template.spec.containers[0].volumeMounts.map((m: any) => m.name)).toContain('jetstream');
    });

    it('kustomization lists every manifest, and the service manifests match their renderer', () => {
      const kustomization = load(readFileSync(join(ROOT, 'deploy', 'k8s', 'kustomization.yaml'), 'utf8')) as { resources: string[] };
      const files = readdirSync(join(ROOT, 'deploy', 'k8s')).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
      expect([...kustomization.resources].sort()).toEqual(files.sort());
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { files: rendered } = require(join(ROOT, 'deploy', 'k8s', 'render.js')) as { files: { file: string; text: string }[] };
      for (const { file, text } of rendered) expect(readFileSync(join(ROOT, 'deploy', 'k8s', file), 'utf8')).toBe(text);
    });
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
      const [shell, flag, script] = (compose.services['first-admin'].entrypoint as string[]).map((part) => part.replace(/\$\$/g, '$'));
      const run = (env: Record<string, string>) =>
        spawnSync(shell, [flag, script], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...iso.env('gateway'), ...env }, encoding: 'utf8', timeout: 60000 });
      const skipped = run({});
      expect(skipped.status).toBe(0);
      expect(skipped.stdout).toContain('first-admin: ADMIN_EMAIL and ADMIN_PASSWORD not set, no administrator created');
      const created = run({ ADMIN_EMAIL: 'root@test.ma', ADMIN_PASSWORD: 'a sturdy admin passphrase' });
      expect(created.stderr).toBe('');
      expect(created.status).toBe(0);
      expect(created.stdout).toContain('administrator root@test.ma: created');
    });

    it.each(SERVICES)('%s starts, becomes ready and stops cleanly on SIGTERM', async (name) => {
      const env = iso.env(name, { SERVICE: name, HTTP_PORT: String(await freePort()), HTTP_HOST: '0.0.0.0', NODE_ENV: 'production', LOG_LEVEL: 'info' });
      const service = new SpawnedService(name, env, entrypoint).start();
      await service.ready();
      expect(await service.stop()).toBe(0);
      expect(service.output).toContain('"msg":"stopped"');
    });
  });
});
