import 'reflect-metadata';
import { runService } from '@corridor/service-runtime';
import { ContractsService } from './contracts.service';

runService(ContractsService);
