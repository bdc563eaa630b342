import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Workspace } from './workspace.entity';

/** A named set of permissions in one workspace: the five built-ins are seeded, admins add custom ones. */
@Entity('roles')
@Index('roles_workspace_key_key', ['workspaceId', 'key'], { unique: true })
export class Role {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) workspaceId: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  /** `owner`, `admin`, `manager`, `analyst`, `viewer`, or `custom-<slug>`. */
  @Column({ type: 'varchar', length: 80 }) key: string;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ type: 'varchar', length: 500, default: '' }) description: string;
  @Column({ type: 'text', array: true, default: '{}' }) permissions: string[];
  @Column({ type: 'boolean', default: false }) builtIn: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
