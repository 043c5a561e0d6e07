import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/**
 * The body of an action that needs no input but may carry a note for the audit log; any other
 * property is refused (400), like everywhere else.
 */
export class EmptyCommand {
  @ApiPropertyOptional({ example: 'checked against the employer register', description: 'Kept in the audit log' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}
