import 'reflect-metadata';
import { runService } from '@corridor/service-runtime';
import { JourneyService } from './journey.service';

runService(JourneyService);
