import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A line item of an order. */
@Entity('order_items')
@Index('order_items_order_idx', ['orderId'])
@Index('order_items_workspace_category_idx', ['workspaceId', 'category'])
@Index('order_items_workspace_product_idx', ['workspaceId', 'product'])
@Check('order_items_quantity_check', `"quantity" > 0`)
@Check('order_items_unit_price_check', `"unit_price" >= 0`)
export class OrderItem {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'order_items_pkey' }) id: string;

  @ForeignKey('workspaces', { name: 'order_items_workspace_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  workspaceId: string;

  @ForeignKey('orders', { name: 'order_items_order_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  orderId: string;

  @Column({ type: 'varchar', length: 200 }) product: string;
  @Column({ type: 'varchar', length: 120 }) category: string;
  @Column({ type: 'integer' }) quantity: number;
  @Column({ type: 'numeric', precision: 14, scale: 2 }) unitPrice: string;
}
