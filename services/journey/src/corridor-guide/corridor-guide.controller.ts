import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@corridor/auth';
import { GetView } from '@corridor/http';
import { CorridorGuideView } from './corridor-guide.views';
import { ReadCorridorGuideUseCase } from './read-corridor-guide.usecase';

/** Each open corridor's rules for anyone (the public portal, ADR 0028). */
@ApiTags('public')
@Public()
@Controller('api/v1/public/corridors')
export class CorridorGuideController {
  constructor(private readonly guide: ReadCorridorGuideUseCase) {}

  @GetView({ answers: CorridorGuideView, isArray: true, description: 'The fee cap, what a worker may pay for, the contract’s core terms, the documents, the median days to departure, whom to call' })
  list(): Promise<CorridorGuideView[]> {
    return this.guide.list();
  }
}
