import 'reflect-metadata';
import { runService } from '@corridor/service-runtime';
import { ReintegrationService } from './reintegration.service';

runService(ReintegrationService);
