import { CommunicationDto } from '@ogp/contracts';
import { IsUUID } from 'class-validator';

export class CommunicationCmd extends CommunicationDto {
  @IsUUID()
  commitmentId: string;
}

export class CommitmentIdDto {
  @IsUUID()
  commitmentId: string;
}
