import { Module } from '@nestjs/common';
import { SegmentCompiler } from './segment-compiler';
import { SegmentExplainRepository } from './segment-explain.repository';
import { SegmentExplainer } from './segment-explainer';

/** Rule trees: validation, compilation to one SQL predicate, and explanations of a customer's membership. */
@Module({
  providers: [SegmentCompiler, SegmentExplainer, SegmentExplainRepository],
  exports: [SegmentCompiler, SegmentExplainer],
})
export class SegmentRulesModule {}
