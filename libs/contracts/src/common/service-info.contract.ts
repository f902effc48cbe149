import { rpc } from './rpc-contract';

export interface ServiceInfo {
  service: string;
  version: string;
  migrations: string[];
  pid: number;
  uptimeSeconds: number;
}

/** Every service answers `<service>.service.info`, for the operators' status page. */
export const SERVICE_NAMES = ['commitments', 'participation', 'notifications', 'reporting'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export function serviceInfoRpc(service: string) {
  return rpc<Record<string, never>, ServiceInfo>(`${service}.service.info`);
}
