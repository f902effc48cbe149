import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  Language,
  LANGUAGES,
  OPEN_DATA_DATASETS,
  OPEN_DATA_FORMATS,
  OpenDataDataset,
  OpenDataFormat,
  ReportingRpc,
} from '@ogp/contracts';
import { IsHexadecimal, IsIn, IsInt, IsUUID, Length, Max, Min } from 'class-validator';
import { OpenDataService } from './open-data.service';
import { PublicationsFeedService } from './publications-feed.service';

class LanguageDto {
  @IsIn(LANGUAGES as readonly string[] as string[])
  language: Language;
}
class FileDto extends LanguageDto {
  @IsIn(OPEN_DATA_DATASETS as readonly string[] as string[])
  dataset: OpenDataDataset;

  @IsUUID()
  subjectId: string;

  @IsIn(OPEN_DATA_FORMATS as readonly string[] as string[])
  format: OpenDataFormat;
}
class ChunkDto extends FileDto {
  @IsHexadecimal()
  @Length(32, 32)
  version: string;

  @IsInt()
  @Min(0)
  @Max(100000)
  index: number;
}

/** Open data, public: the index, the dictionary, the files chunk by chunk, the publications' Atom feed. */
@Controller()
export class OpenDataController {
  constructor(
    private readonly openData: OpenDataService,
    private readonly publications: PublicationsFeedService,
  ) {}

  @MessagePattern(ReportingRpc.openDataIndex.subject)
  index(@Payload() dto: LanguageDto) {
    return this.openData.index(dto.language);
  }

  @MessagePattern(ReportingRpc.openDataDictionary.subject)
  dictionary() {
    return this.openData.dictionary();
  }

  @MessagePattern(ReportingRpc.openDataFile.subject)
  file(@Payload() dto: FileDto) {
    return this.openData.file(dto.dataset, dto.subjectId, dto.format, dto.language);
  }

  @MessagePattern(ReportingRpc.openDataChunk.subject)
  chunk(@Payload() dto: ChunkDto) {
    return this.openData.chunk(dto.dataset, dto.subjectId, dto.format, dto.language, dto.version, dto.index);
  }

  @MessagePattern(ReportingRpc.publicationsAtom.subject)
  atom(@Payload() dto: LanguageDto) {
    return this.publications.atom(dto.language);
  }
}
