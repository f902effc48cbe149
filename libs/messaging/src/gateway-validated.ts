/**
 * A payload as the gateway validated it (design rule 5: validation at the edge). Typed by its
 * contract rather than by its DTO class, so a service's global ValidationPipe leaves it as it came
 * instead of running class-validator again on a hot path. Use it only where the DTO has no defaults
 * or transforms the service relies on; the service keeps the checks that need its data.
 */
export type GatewayValidated<T> = Readonly<T>;
