import { Module } from '@nestjs/common';
import { SegmentCompiler } from './segment-compiler';

/** Rule trees: validation, compilation to one SQL predicate, and explanations of a customer's membership. */
@Module({
  providers: [SegmentCompiler],
  exports: [SegmentCompiler],
})
export class SegmentRulesModule {}
