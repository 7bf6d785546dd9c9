package io.github.pydanticdynamo.sample.web;

import io.github.pydanticdynamo.sample.films.FilmImportService;
import io.github.pydanticdynamo.sample.films.ImportResult;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/import}: a write-once bulk import of actors and reviews. */
@RestController
@RequestMapping("/api/import")
class ImportController {
  private final FilmImportService importService;

  ImportController(FilmImportService importService) {
    this.importService = importService;
  }

  @PostMapping
  ImportResult importAll(@Valid @RequestBody ImportRequest request) {
    return importService.importAll(request.toActors(), request.toReviews());
  }
}
