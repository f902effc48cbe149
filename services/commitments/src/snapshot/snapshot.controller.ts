import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommitmentsRpc } from '@ogp/contracts';
import { SnapshotPageDto } from './dto/snapshot-page.dto';
import { SnapshotService } from './snapshot.service';

@Controller()
export class SnapshotController {
  constructor(private readonly snapshot: SnapshotService) {}

  @MessagePattern(CommitmentsRpc.snapshotCommitments.subject)
  commitments(@Payload() dto: SnapshotPageDto) {
    return this.snapshot.commitments(dto.after, dto.limit);
  }
}
