"use client";
// /knowledge: knowledge bases, their sources (paste text, upload a file, add a URL) with their indexing
// status, the agents that use one, and a search preview showing the passages an agent would get.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useAgentsQuery } from "@/components/queries/directory";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SaveRow } from "@/components/ui/save-row";
import { Card, PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorNotice, LoadingBlock, Spinner } from "@/components/ui/states";
import { apiClient } from "@/lib/api-client";
import type { KnowledgeBaseDto, KnowledgeHitDto, KnowledgeSourceDto } from "@/server/knowledge/schema";

const BASES = ["knowledge-bases"] as const;
const sourcesKey = (id: string) => ["knowledge-bases", id, "sources"] as const;
const base = (id: string) => `/api/v1/knowledge-bases/${id}`;

const errorText = (error: unknown) => (error instanceof Error ? error.message : error ? String(error) : null);
const formatSize = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1_048_576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;

export function KnowledgePage() {
  const bases = useQuery({
    queryKey: BASES,
    queryFn: () => apiClient.list<KnowledgeBaseDto>("/api/v1/knowledge-bases?limit=100"),
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = bases.data?.items.find((kb) => kb.id === selectedId) ?? bases.data?.items[0] ?? null;

  return (
    <>
      <PageHeader
        title="Knowledge"
        description="Documents your agents answer from. Agents search the knowledge bases attached to them, and say when the answer is not there."
      />
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <div className="space-y-4">
          <Card title="Knowledge bases">
            {bases.isPending ? (
              <Spinner label="Loading knowledge bases" />
            ) : bases.isError ? (
              <ErrorNotice error={bases.error} title="The knowledge bases could not be loaded" />
            ) : bases.data.items.length === 0 ? (
              <p className="text-sm text-slate-600">None yet: create the first one below.</p>
            ) : (
              <ul className="space-y-1">
                {bases.data.items.map((kb) => (
                  <li key={kb.id}>
                    <button
                      type="button"
                      aria-current={kb.id === selected?.id ? "true" : undefined}
                      onClick={() => setSelectedId(kb.id)}
                      className="w-full rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 aria-[current=true]:bg-indigo-50 aria-[current=true]:font-medium aria-[current=true]:text-indigo-900"
                    >
                      {kb.name}
                      <span className="block text-xs text-slate-600">
                        {kb.sourceCount} {kb.sourceCount === 1 ? "source" : "sources"}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <CreateKnowledgeBase onCreated={setSelectedId} />
        </div>
        <div className="min-w-0 space-y-6">
          {bases.isPending ? (
            <LoadingBlock label="Loading knowledge bases" />
          ) : selected ? (
            <KnowledgeBaseDetail key={selected.id} kb={selected} />
          ) : (
            <EmptyState title="No knowledge base yet">
              Create one, add your FAQ or help-centre pages, and attach it to an agent.
            </EmptyState>
          )}
        </div>
      </div>
    </>
  );
}

function CreateKnowledgeBase({ onCreated }: { onCreated: (id: string) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: (input: { name: string }) => apiClient.post<KnowledgeBaseDto>("/api/v1/knowledge-bases", input),
    onSuccess: (kb) => {
      setName("");
      queryClient.invalidateQueries({ queryKey: BASES });
      onCreated(kb.id);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name });
  };
  return (
    <Card title="New knowledge base">
      <form onSubmit={submit} className="space-y-3">
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        <FormError message={errorText(create.error)} />
        <Button type="submit" disabled={create.isPending || !name.trim()}>
          {create.isPending ? "Creating…" : "Create"}
        </Button>
      </form>
    </Card>
  );
}

function KnowledgeBaseDetail({ kb }: { kb: KnowledgeBaseDto }) {
  const queryClient = useQueryClient();
  const sources = useQuery({
    queryKey: sourcesKey(kb.id),
    queryFn: () => apiClient.list<KnowledgeSourceDto>(`${base(kb.id)}/sources`),
    // While a source is being indexed, look again every second.
    refetchInterval: (query) => (query.state.data?.items.some((s) => s.status === "processing") ? 1000 : false),
  });
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: sourcesKey(kb.id) });
    queryClient.invalidateQueries({ queryKey: BASES });
  };
  const remove = useMutation({
    mutationFn: (sourceId: string) => apiClient.del(`${base(kb.id)}/sources/${sourceId}`),
    onSuccess: refresh,
  });

  return (
    <>
      <Card title={`Sources of ${kb.name}`}>
        {sources.isPending ? (
          <Spinner label="Loading sources" />
        ) : sources.isError ? (
          <ErrorNotice error={sources.error} title="The sources could not be loaded" />
        ) : sources.data.items.length === 0 ? (
          <p className="text-sm text-slate-600">No sources yet. Paste text, upload a file or add a URL below.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Sources</caption>
              <thead className="text-xs uppercase text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Size
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Passages
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {sources.data.items.map((s) => (
                  <tr key={s.id}>
                    <td className="py-2 pr-4 text-slate-900">
                      {s.name}
                      <span className="block text-xs text-slate-600">{s.kind === "url" ? s.url : s.kind}</span>
                    </td>
                    <td className="py-2 pr-4">
                      <SourceStatus source={s} />
                    </td>
                    <td className="py-2 pr-4 text-slate-700">{formatSize(s.size)}</td>
                    <td className="py-2 pr-4 text-slate-700">{s.chunkCount}</td>
                    <td className="py-2 text-right">
                      <Button
                        variant="ghost"
                        onClick={() => remove.mutate(s.id)}
                        disabled={remove.isPending}
                        aria-label={`Delete ${s.name}`}
                      >
                        Delete
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <FormError message={errorText(remove.error)} className="mt-3" />
      </Card>
      <AddSources kbId={kb.id} onAdded={refresh} />
      <SearchPreview kbId={kb.id} />
      <AttachedAgents kb={kb} />
    </>
  );
}

function SourceStatus({ source }: { source: KnowledgeSourceDto }) {
  if (source.status === "processing") return <Spinner label="Indexing" />;
  if (source.status === "ready")
    return <span className="rounded-full bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800">Ready</span>;
  return (
    <span className="text-sm text-red-800">
      <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium">Failed</span>
      <span className="mt-1 block text-xs">{source.error}</span>
    </span>
  );
}

function AddSources({ kbId, onAdded }: { kbId: string; onAdded: () => void }) {
  const fileId = useId();
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const [url, setUrl] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const add = useMutation({
    mutationFn: (body: { kind: "text"; name: string; text: string } | { kind: "url"; url: string } | FormData) =>
      body instanceof FormData
        ? apiClient.upload<KnowledgeSourceDto>(`${base(kbId)}/sources`, body)
        : apiClient.post<KnowledgeSourceDto>(`${base(kbId)}/sources`, body),
    onSuccess: (_, body) => {
      if (body instanceof FormData) {
        setFile(null);
        setFileKey((k) => k + 1);
      } else if (body.kind === "text") {
        setName("");
        setText("");
      } else setUrl("");
      onAdded();
    },
  });
  const upload = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.set("file", file);
    add.mutate(form);
  };
  return (
    <Card title="Add a source">
      <div className="grid gap-6 xl:grid-cols-3">
        <form
          className="space-y-3"
          aria-label="Paste text"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ kind: "text", name, text });
          }}
        >
          <TextField label="Title" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
          <TextAreaField
            label="Text"
            hint="Plain text or Markdown; # headings start new passages."
            value={text}
            onChange={(e) => setText(e.target.value)}
            required
            rows={5}
          />
          <Button type="submit" disabled={add.isPending || !name.trim() || !text.trim()}>
            Add text
          </Button>
        </form>
        <form className="space-y-3" aria-label="Upload a file" onSubmit={upload}>
          <div>
            <label htmlFor={fileId} className="mb-1 block text-sm font-medium text-slate-800">
              File
            </label>
            <input
              key={fileKey}
              id={fileId}
              type="file"
              accept=".md,.markdown,.txt,.html,.htm,.csv,.pdf"
              aria-describedby={`${fileId}-hint`}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800"
            />
            <p id={`${fileId}-hint`} className="mt-1 text-xs text-slate-600">
              Markdown, text, HTML, CSV or PDF, up to 20 MB.
            </p>
          </div>
          <Button type="submit" disabled={add.isPending || !file}>
            Upload
          </Button>
        </form>
        <form
          className="space-y-3"
          aria-label="Add a URL"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ kind: "url", url });
          }}
        >
          <TextField
            label="URL"
            type="url"
            hint="Fetched once, from a public address."
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            required
          />
          <Button type="submit" disabled={add.isPending || !url.trim()}>
            Add URL
          </Button>
        </form>
      </div>
      <FormError message={errorText(add.error)} className="mt-4" />
    </Card>
  );
}

function SearchPreview({ kbId }: { kbId: string }) {
  const [draft, setDraft] = useState("");
  const [question, setQuestion] = useState("");
  const hits = useQuery({
    queryKey: ["knowledge-bases", kbId, "search", question],
    queryFn: () => apiClient.get<KnowledgeHitDto[]>(`${base(kbId)}/search?q=${encodeURIComponent(question)}`),
    enabled: question.trim().length > 0,
  });
  return (
    <Card title="Search preview">
      <form
        className="flex flex-wrap items-end gap-3"
        aria-label="Search this knowledge base"
        onSubmit={(e) => {
          e.preventDefault();
          setQuestion(draft.trim());
        }}
      >
        <TextField
          label="Question"
          className="min-w-64 flex-1"
          placeholder="How long is the return window?"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          maxLength={500}
        />
        <Button type="submit" disabled={!draft.trim()}>
          Search
        </Button>
      </form>
      <div className="mt-4" aria-live="polite">
        {!question ? (
          <p className="text-sm text-slate-600">Ask what a customer would ask, and see the passages an agent would get.</p>
        ) : hits.isPending ? (
          <Spinner label="Searching" />
        ) : hits.isError ? (
          <ErrorNotice error={hits.error} title="The search failed" />
        ) : hits.data.length === 0 ? (
          <p className="text-sm text-slate-600">No passage matches. An agent would say it does not know, and offer a person.</p>
        ) : (
          <ol className="space-y-3" aria-label="Passages found">
            {hits.data.map((hit) => (
              <li key={hit.passageId} className="rounded-md border border-slate-200 p-3">
                <p className="flex flex-wrap justify-between gap-2 text-xs text-slate-600">
                  <span className="font-medium text-slate-800">
                    {hit.sourceName}
                    {hit.heading && ` › ${hit.heading}`}
                  </span>
                  <span>score {hit.score.toFixed(3)}</span>
                </p>
                <p className="mt-1 whitespace-pre-line text-sm text-slate-900">{hit.text}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Card>
  );
}

function AttachedAgents({ kb }: { kb: KnowledgeBaseDto }) {
  const queryClient = useQueryClient();
  const agents = useAgentsQuery({ limit: 100 });
  const [chosen, setChosen] = useState<string[]>(kb.agentIds);
  const save = useMutation({
    mutationFn: (agentIds: string[]) => apiClient.put<KnowledgeBaseDto>(base(kb.id), { agentIds }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BASES }),
  });
  return (
    <Card title="Agents that use it">
      {agents.isPending ? (
        <Spinner label="Loading agents" />
      ) : agents.isError ? (
        <ErrorNotice error={agents.error} title="The agents could not be loaded" />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(chosen);
          }}
        >
          <fieldset>
            <legend className="text-sm text-slate-700">Their conversations search this knowledge base.</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {agents.data.items.map((agent) => (
                <label key={agent.id} className="flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-slate-300"
                    checked={chosen.includes(agent.id)}
                    onChange={(e) =>
                      setChosen((list) => (e.target.checked ? [...list, agent.id] : list.filter((id) => id !== agent.id)))
                    }
                  />
                  {agent.name} {agent.lastname}
                </label>
              ))}
            </div>
          </fieldset>
          <SaveRow label="Save agents" error={errorText(save.error)} busy={save.isPending} saved={save.isSuccess} />
        </form>
      )}
    </Card>
  );
}
