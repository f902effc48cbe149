// The rows the textbook peer reads, declared as the TypeORM documentation shows (the platform's own tables).
import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';

@Entity({ name: 'programmes' })
export class Programme {
  @PrimaryColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text') kind: string;
  @Column('jsonb') name: unknown;
  @Column('jsonb', { nullable: true }) description: unknown;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
}

@Entity({ name: 'commitments' })
export class Commitment {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column('int') number: number;
  @Column('jsonb') title: unknown;
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'end_date', type: 'date' }) endDate: string;
  @Column('jsonb') card: unknown;
  @Column({ name: 'ogp_values', type: 'text', array: true }) ogpValues: string[];
  @Column({ name: 'lead_institution_id', type: 'uuid' }) leadInstitutionId: string;
  @Column('text') status: string;
  @Column('numeric') progress: string;
  @Column({ name: 'completion_level', type: 'text' }) completionLevel: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @OneToMany(() => Activity, (a) => a.commitment) activities: Activity[];
  @OneToMany(() => Indicator, (i) => i.commitment) indicators: Indicator[];
}

@Entity({ name: 'activities' })
export class Activity {
  @PrimaryColumn('uuid') id: string;
  @ManyToOne(() => Commitment, (c) => c.activities) @JoinColumn({ name: 'commitment_id' }) commitment: Commitment;
  @Column('int') position: number;
  @Column('jsonb') title: unknown;
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'end_date', type: 'date' }) endDate: string;
  @Column('numeric', { nullable: true }) weight: string | null;
  @Column('text', { nullable: true }) responsible: string | null;
  @Column('text') status: string;
  @Column('numeric') progress: string;
}

@Entity({ name: 'indicators' })
export class Indicator {
  @PrimaryColumn('uuid') id: string;
  @ManyToOne(() => Commitment, (c) => c.indicators) @JoinColumn({ name: 'commitment_id' }) commitment: Commitment;
  @Column('int') position: number;
  @Column('jsonb') title: unknown;
  @Column('text', { nullable: true }) unit: string | null;
  @Column('numeric') baseline: string;
  @Column('numeric') target: string;
  @Column('numeric', { nullable: true }) current: string | null;
}
