package de.bochum.portal.opendata.internal;

import java.io.StringWriter;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The DCAT-AP.de export: the whole catalogue and each dataset, in Turtle, RDF/XML and JSON-LD. */
@RestController
class DcatController {

	private final DcatExport export;

	DcatController(DcatExport export) {
		this.export = export;
	}

	@GetMapping("/catalog.{format:ttl|rdf|jsonld}")
	ResponseEntity<String> catalog(@PathVariable String format, @RequestParam(defaultValue = "1") int page) {
		try {
			return render(export.catalog(base(), page), format);
		}
		catch (IllegalArgumentException noSuchPage) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	@GetMapping("/daten/{name}.{format:ttl|rdf|jsonld}")
	ResponseEntity<String> dataset(@PathVariable String name, @PathVariable String format) {
		return render(export.dataset(base(), name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)),
				format);
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}

	private static ResponseEntity<String> render(Model model, String format) {
		StringWriter out = new StringWriter();
		String type = switch (format) {
			case "ttl" -> {
				RDFDataMgr.write(out, model, RDFFormat.TURTLE_PRETTY);
				yield "text/turtle;charset=UTF-8";
			}
			case "rdf" -> {
				RDFDataMgr.write(out, model, RDFFormat.RDFXML_PRETTY);
				yield "application/rdf+xml;charset=UTF-8";
			}
			default -> {
				RDFDataMgr.write(out, model, Lang.JSONLD);
				yield "application/ld+json;charset=UTF-8";
			}
		};
		return ResponseEntity.ok().header("Content-Type", type).body(out.toString());
	}
}
