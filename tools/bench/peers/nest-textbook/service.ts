// The textbook microservice: NestJS over NATS with TypeORM, as the NestJS documentation shows it
// (docs.nestjs.com/microservices/nats, /techniques/database). Nothing tuned.
import 'reflect-metadata';
import { Controller, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, MicroserviceOptions, Payload, Transport } from '@nestjs/microservices';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Activity, Commitment, Indicator, Programme } from './entities';

// Subjects carry the run's prefix so that benchmarks running at once on the shared NATS do not mix.
const PREFIX = process.env.PEER_PREFIX ?? 'peer';

@Injectable()
export class AppService {
  constructor(
    @InjectRepository(Programme) private readonly programmes: Repository<Programme>,
    @InjectRepository(Commitment) private readonly commitments: Repository<Commitment>,
  ) {}

  findProgramme(id: string) {
    return this.programmes.findOneBy({ id });
  }

  findCommitment(id: string) {
    return this.commitments.findOne({ where: { id }, relations: { activities: true, indicators: true } });
  }
}

@Controller()
export class AppController {
  constructor(private readonly service: AppService) {}

  @MessagePattern(`${PREFIX}.programmes.get`)
  programme(@Payload() id: string) {
    return this.service.findProgramme(id);
  }

  @MessagePattern(`${PREFIX}.commitments.get`)
  commitment(@Payload() id: string) {
    return this.service.findCommitment(id);
  }
}

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: process.env.DATABASE_URL,
      schema: process.env.DB_SCHEMA,
      entities: [Programme, Commitment, Activity, Indicator],
      synchronize: false,
    }),
    TypeOrmModule.forFeature([Programme, Commitment]),
  ],
  controllers: [AppController],
  providers: [AppService],
})
export class AppModule {}

async function bootstrap() {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(AppModule, {
    transport: Transport.NATS,
    options: { servers: [process.env.NATS_URL] },
    logger: ['error', 'warn'],
  });
  await app.listen();
  process.stdout.write('READY\n');
}
// A graceful exit on SIGTERM, so that --cpu-prof writes its profile.
process.on('SIGTERM', () => process.exit(0));
void bootstrap();
