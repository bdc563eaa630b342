import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '../errors/domain-error';

/** Query of every list: an opaque cursor from the previous page and a page size. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'Opaque cursor from `nextCursor` of the previous page' })
  @IsOptional() @IsString() @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @TransformType(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset position: the sort value and id of the last row of a page. */
export interface CursorPosition {
  v: string | number;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && (typeof value.v === 'string' || typeof value.v === 'number') && typeof value.id === 'string') return value;
  } catch {
    /* fall through */
  }
  throw new DomainError('invalid-cursor', 400, 'cursor is not valid', [{ field: 'cursor', message: 'cursor is not valid' }]);
}

/** Builds a page from `limit + 1` rows fetched in order; `position` gives the keyset of a row. */
export function toPage<R, T>(rows: R[], limit: number, position: (row: R) => CursorPosition, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { items: kept.map(map), nextCursor: more ? encodeCursor(position(kept[kept.length - 1])) : null };
}

/** An OpenAPI-described page class for an item DTO, e.g. `PageOf(UserDto)` → `UserDtoPage`. */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last page' })
    nextCursor: string | null;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}Page` });
  return PageDto;
}
