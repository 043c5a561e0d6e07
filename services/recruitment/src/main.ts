import 'reflect-metadata';
import { runService } from '@corridor/service-runtime';
import { RecruitmentService } from './recruitment.service';

runService(RecruitmentService);
