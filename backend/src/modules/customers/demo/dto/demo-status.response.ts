import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

export const DEMO_STATES = ['idle', 'queued', 'running', 'completed', 'failed'] as const;
export type DemoState = (typeof DEMO_STATES)[number];

/** Where loading the demo data into the workspace stands. */
@ApiSchema({ name: 'DemoStatus' })
export class DemoStatusDto {
  @ApiProperty({ enum: DEMO_STATES, enumName: 'DemoState', description: '`idle`: no load requested (or its record expired)' })
  state: DemoState;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percent done' })
  progress: number;

  @ApiProperty({ description: 'Customers in the workspace now' })
  customers: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why the load failed' })
  error: string | null;
}
