// The textbook API gateway: NestJS on Fastify, a JWT guard as in docs.nestjs.com/security/authentication,
// forwarding to the microservice with ClientProxy.send over NATS. Nothing tuned.
import 'reflect-metadata';
import {
  CanActivate,
  Controller,
  ExecutionContext,
  Get,
  Inject,
  Injectable,
  Module,
  Param,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { ClientProxy, ClientsModule, Transport } from '@nestjs/microservices';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';

const PREFIX = process.env.PEER_PREFIX ?? 'peer';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private jwtService: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const [type, token] = request.headers.authorization?.split(' ') ?? [];
    if (type !== 'Bearer' || !token) throw new UnauthorizedException();
    try {
      request['user'] = await this.jwtService.verifyAsync(token, { secret: process.env.JWT_SECRET });
    } catch {
      throw new UnauthorizedException();
    }
    return true;
  }
}

@Controller()
export class AppController {
  constructor(@Inject('SERVICE') private readonly client: ClientProxy) {}

  @Get('programmes/:id')
  programme(@Param('id') id: string) {
    return this.client.send(`${PREFIX}.programmes.get`, id);
  }

  @UseGuards(AuthGuard)
  @Get('commitments/:id')
  commitment(@Param('id') id: string) {
    return this.client.send(`${PREFIX}.commitments.get`, id);
  }
}

@Module({
  imports: [
    JwtModule.register({ secret: process.env.JWT_SECRET }),
    ClientsModule.register([
      { name: 'SERVICE', transport: Transport.NATS, options: { servers: [process.env.NATS_URL] } },
    ]),
  ],
  controllers: [AppController],
  providers: [AuthGuard],
})
export class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    logger: ['error', 'warn'],
  });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  process.stdout.write('READY\n');
}
// A graceful exit on SIGTERM, so that --cpu-prof writes its profile.
process.on('SIGTERM', () => process.exit(0));
void bootstrap();
