import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Localized, ProgrammeKind } from '@ogp/contracts';

@Entity({ name: 'programmes' })
export class ProgrammeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  code: string;

  @Column('text')
  kind: ProgrammeKind;

  @Column('jsonb')
  name: Localized;

  @Column('jsonb', { nullable: true })
  description: Localized | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
