import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** A field of the catalogue: what a `field` condition may name, how its values compare and its operators. */
@ApiSchema({ name: 'SegmentField' })
export class SegmentFieldDto {
  @ApiProperty({ example: 'profile.country', description: 'The `field` of a field condition' }) key: string;
  @ApiProperty({ example: 'Country' }) label: string;
  @ApiProperty({ enum: ['Profile', 'Consent', 'Traits'], description: 'Where the builder lists it' }) group: string;
  @ApiProperty({
    enum: ['string', 'option', 'number', 'date', 'boolean', 'list'],
    description: '`string` free text (case-insensitive), `option` one of a set of values (exact), `list` a set of options',
  })
  dataType: string;
  @ApiProperty({ type: [String], description: 'Operators allowed on this field' }) operators: string[];
  @ApiPropertyOptional({ type: [String], description: 'The fixed values of an option field (RFM tiers, consent statuses…)' }) options?: string[];
  @ApiPropertyOptional({ enum: ['countries', 'tags', 'categories', 'products', 'eventTypes'], description: 'The list of `options` that holds this field’s values' })
  optionsSource?: string;
  @ApiPropertyOptional({ description: 'A short help text' }) description?: string;
}

/** A value present in the workspace's data and how often. */
@ApiSchema({ name: 'SegmentOptionValue' })
export class SegmentOptionValueDto {
  @ApiProperty() value: string;
  @ApiProperty({ description: 'Customers (line items for categories and products) with this value' }) count: number;
}

/** A key of a JSON object (custom attributes, event properties) with the types seen. */
@ApiSchema({ name: 'SegmentKeyOption' })
export class SegmentKeyOptionDto {
  @ApiProperty({ example: 'plan' }) key: string;
  @ApiProperty({
    enum: ['string', 'number', 'date', 'boolean', 'list'],
    description: 'The `valueType` a condition on this key should read it as (dates: ISO 8601 strings; list: arrays of strings)',
  })
  valueType: string;
  @ApiProperty({ enum: ['string', 'number', 'boolean', 'array', 'object'], isArray: true, description: 'JSON types seen' }) types: string[];
  @ApiProperty({ description: 'Customers (events for properties) with the key, in the sample for properties' }) count: number;
}

/** An event type with the property keys seen on its latest events. */
@ApiSchema({ name: 'SegmentEventTypeOption' })
export class SegmentEventTypeOptionDto {
  @ApiProperty({ example: 'email_opened' }) type: string;
  @ApiProperty({ type: [SegmentKeyOptionDto], description: 'Property keys of a sample of the latest events of this type' }) properties: SegmentKeyOptionDto[];
}

/** Values present in the workspace, for the builder's pickers. */
@ApiSchema({ name: 'SegmentFieldOptions' })
export class SegmentFieldOptionsDto {
  @ApiProperty({ type: [SegmentOptionValueDto] }) countries: SegmentOptionValueDto[];
  @ApiProperty({ type: [SegmentOptionValueDto], description: 'The 200 most used tags' }) tags: SegmentOptionValueDto[];
  @ApiProperty({ type: [SegmentOptionValueDto], description: 'The 200 most ordered categories' }) categories: SegmentOptionValueDto[];
  @ApiProperty({ type: [SegmentOptionValueDto], description: 'The 200 most ordered products' }) products: SegmentOptionValueDto[];
  @ApiProperty({ type: [SegmentEventTypeOptionDto] }) eventTypes: SegmentEventTypeOptionDto[];
  @ApiProperty({ type: [SegmentKeyOptionDto], description: 'The 200 most used custom attributes' }) attributes: SegmentKeyOptionDto[];
}

/** What the rule builder offers: the field catalogue and the values present in the data. */
@ApiSchema({ name: 'SegmentFields' })
export class SegmentFieldsDto {
  @ApiProperty({ type: [SegmentFieldDto] }) fields: SegmentFieldDto[];
  @ApiProperty({ type: SegmentFieldOptionsDto }) options: SegmentFieldOptionsDto;
}
