export { PageQueryDto } from '@ogp/contracts';
