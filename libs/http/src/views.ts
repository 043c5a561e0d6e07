import { ApiProperty } from '@nestjs/swagger';

/**
 * Parts of answers that several services show alike. Views are classes with @ApiProperty so that
 * the OpenAPI document describes every 2xx body (docs/stages.md); the functions that build them
 * return plain objects of these shapes.
 */

/** An amount of money in the minor unit of its currency (satang, riel…), never a float. */
export class MoneyView {
  @ApiProperty({ example: 1040000, description: 'In the minor unit of the currency' })
  amountMinor: number;

  @ApiProperty({ example: 'THB', description: 'ISO 4217' })
  currency: string;
}

/** The two countries of a corridor. */
export class CorridorView {
  @ApiProperty({ example: 'KH' })
  origin: string;

  @ApiProperty({ example: 'TH' })
  destination: string;
}
