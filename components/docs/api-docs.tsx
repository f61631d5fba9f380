"use client";
// /docs: the API reference, rendered by Swagger UI from GET /api/v1/openapi.json. Swagger UI needs the
// browser (it touches window at import), so it loads on the client only; everything it needs is
// bundled, nothing comes from a CDN.
import dynamic from "next/dynamic";
import "swagger-ui-react/swagger-ui.css";
import "./api-docs.css";
import { useOpenApiDocumentQuery } from "@/components/queries/docs";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorNotice, LoadingBlock } from "@/components/ui/states";

const SwaggerUI = dynamic(() => import("swagger-ui-react"), {
  ssr: false,
  loading: () => <LoadingBlock label="Loading the API reference" />,
});

export function ApiDocs() {
  const doc = useOpenApiDocumentQuery();
  return (
    <>
      <PageHeader
        title="API docs"
        description={
          <>
            Every endpoint, its parameters, bodies, answers and errors, and the webhook events, from{" "}
            <a className="font-medium text-indigo-700 underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI 3.1). Integrations authenticate with HTTP Basic; requests you try here use your session.
          </>
        }
      />
      {doc.isPending ? (
        <LoadingBlock label="Loading the API reference" />
      ) : doc.isError ? (
        <ErrorNotice error={doc.error} title="The API reference could not be loaded" />
      ) : (
        <div className="api-docs overflow-x-auto rounded-lg border border-slate-200 bg-white py-2">
          <SwaggerUI spec={doc.data} docExpansion="list" defaultModelsExpandDepth={0} deepLinking={false} />
        </div>
      )}
    </>
  );
}
