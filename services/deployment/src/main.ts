import 'reflect-metadata';
import { runService } from '@corridor/service-runtime';
import { DeploymentService } from './deployment.service';

runService(DeploymentService);
