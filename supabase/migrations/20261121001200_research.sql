-- Market research (docs/data-model.md, "Market research"): an operator asks for pages to be read (a parse task: a list
-- of URLs) or for a niche to be sized (a niche task: a query in a city on OLX, Kaspi and Satu); a scraper worker
-- claims the task with a lease, reports its progress, stores every page it reads and the products on it, and ends
-- the task done, partial, blocked or failed (or gives it back for a retry with backoff). A niche task's report
-- becomes a market_research row of its niche. Members read all of it live; only these functions write it.

-- Parser tasks ------------------------------------------------------------------------------------------------------

create table public.parser_tasks (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  niche_id uuid,
  kind text not null,
  input jsonb not null,
  status text not null default 'queued',
  idempotency_key text,
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  run_after timestamptz not null default now(),
  locked_until timestamptz,
  locked_by text,
  pages_total integer not null default 0,
  pages_done integer not null default 0,
  pages_failed integer not null default 0,
  items_found integer not null default 0,
  progress_note text,
  error jsonb,
  result jsonb,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint parser_tasks_workspace_id_id_key unique (workspace_id, id),
  constraint parser_tasks_workspace_idempotency_key_key unique (workspace_id, idempotency_key),
  -- A task outlives its niche: deleting the niche only clears the link (the task's pages stay readable).
  constraint parser_tasks_niche_fkey foreign key (workspace_id, niche_id)
    references public.niches (workspace_id, id) on delete set null (niche_id),
  constraint parser_tasks_kind_known check (kind in ('parse', 'niche')),
  constraint parser_tasks_input_object check (jsonb_typeof(input) = 'object'),
  constraint parser_tasks_status_known check (
    status in ('queued', 'running', 'done', 'partial', 'blocked', 'failed', 'cancelled')
  ),
  constraint parser_tasks_idempotency_key_present check (length(btrim(idempotency_key)) between 1 and 200),
  constraint parser_tasks_attempts_non_negative check (attempts >= 0),
  constraint parser_tasks_max_attempts_range check (max_attempts between 1 and 20),
  constraint parser_tasks_counters_non_negative check (
    pages_total >= 0 and pages_done >= 0 and pages_failed >= 0 and items_found >= 0
  ),
  constraint parser_tasks_error_shape check (
    error is null
    or (jsonb_typeof(error) = 'object' and jsonb_typeof(error -> 'code') = 'string'
        and jsonb_typeof(error -> 'message') = 'string')
  ),
  constraint parser_tasks_result_structured check (result is null or jsonb_typeof(result) in ('object', 'array')),
  constraint parser_tasks_running_is_leased check (status <> 'running' or (locked_by is not null and locked_until is not null)),
  constraint parser_tasks_finished_when_ended check (
    (status in ('done', 'partial', 'blocked', 'failed', 'cancelled')) = (finished_at is not null)
  )
);
comment on table public.parser_tasks is
  'A research job: read a list of pages (kind parse) or size a niche (kind niche: a query in a city on OLX, Kaspi, Satu). queued -> running (a worker holds a lease: locked_by, locked_until) -> done, partial, blocked or failed; queued again with backoff when a try fails; cancelled by an operator. One per workspace and idempotency key. Created through create_parser_task(), worked through the private.*parser* functions; members read it live.';
comment on column public.parser_tasks.input is
  'parse: {"urls": [...], "site": auto|olx|kaspi|satu|generic, "browser": auto|never|always, "follow_pages": 0..50}; niche: {"query": text, "city": text|null, "sites": [olx|kaspi|satu], "max_pages": 1..20}. Checked and completed with defaults by create_parser_task().';
comment on column public.parser_tasks.locked_until is
  'While running: when the worker''s lease runs out; the task may then be claimed again (or fails when its attempts are spent).';
comment on column public.parser_tasks.error is 'Why the task (or its last try) failed: {"code": text, "message": text}.';
comment on column public.parser_tasks.result is 'What the task found: the niche report of a niche task, the crawl summary of a parse task.';
create index parser_tasks_due_idx on public.parser_tasks (created_at) where status in ('queued', 'running');
create index parser_tasks_workspace_created_at_idx on public.parser_tasks (workspace_id, created_at desc);
create index parser_tasks_workspace_niche_idx on public.parser_tasks (workspace_id, niche_id);
create index parser_tasks_created_by_idx on public.parser_tasks (created_by);
alter table public.parser_tasks enable row level security;
create trigger parser_tasks_set_updated_at before update on public.parser_tasks
  for each row execute function private.set_updated_at();
revoke all on table public.parser_tasks from anon, authenticated;
grant select on table public.parser_tasks to authenticated;
grant all on table public.parser_tasks to service_role;

create policy "Members read parser tasks of their workspace" on public.parser_tasks
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));

-- Pages read --------------------------------------------------------------------------------------------------------

create table public.parsed_sites (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  task_id uuid not null,
  url text not null,
  final_url text,
  domain text not null,
  site text not null,
  kind text not null,
  fetch_path text,
  http_status integer,
  title text,
  total integer,
  seo jsonb not null default '{}'::jsonb,
  missing text[] not null default '{}',
  error jsonb,
  page jsonb,
  item_count integer not null default 0,
  fetched_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint parsed_sites_workspace_id_id_key unique (workspace_id, id),
  constraint parsed_sites_task_url_key unique (task_id, url),
  constraint parsed_sites_task_fkey foreign key (workspace_id, task_id)
    references public.parser_tasks (workspace_id, id) on delete cascade,
  constraint parsed_sites_url_present check (length(btrim(url)) > 0),
  constraint parsed_sites_site_known check (site in ('olx', 'kaspi', 'satu', 'generic')),
  constraint parsed_sites_kind_known check (
    kind in ('listing', 'product', 'feed', 'not_found', 'needs_js', 'blocked', 'unknown', 'error')
  ),
  constraint parsed_sites_fetch_path_known check (fetch_path in ('http', 'browser', 'file')),
  constraint parsed_sites_seo_object check (jsonb_typeof(seo) = 'object'),
  constraint parsed_sites_error_shape check (
    error is null
    or (jsonb_typeof(error) = 'object' and jsonb_typeof(error -> 'code') = 'string'
        and jsonb_typeof(error -> 'message') = 'string')
  ),
  constraint parsed_sites_page_object check (page is null or jsonb_typeof(page) = 'object'),
  constraint parsed_sites_item_count_non_negative check (item_count >= 0)
);
comment on table public.parsed_sites is
  'One page a parser task read (or failed to fetch: kind error, with the error): its site, kind (listing, product, feed, not_found, needs_js, blocked, unknown, error), how it was fetched, SEO, the fields its reader expected and missed, and the page result without its items. One per task and URL: reading a page again updates its row. Written only by private.record_parsed_page(); members read.';
comment on column public.parsed_sites.url is 'The URL as the task asked for it (the page''s requested_url, else its url).';
comment on column public.parsed_sites.final_url is 'The URL the page result names (after redirects).';
comment on column public.parsed_sites.missing is 'Fields the reader expected on this kind of page and could not read: a changed layout, not a zero.';
comment on column public.parsed_sites.page is 'The ParsedPage (packages/shared/src/research/parsedPage.ts) without its items and offers.';
comment on column public.parsed_sites.item_count is 'Items, offers and product the page showed, repeats included.';
create index parsed_sites_workspace_task_idx on public.parsed_sites (workspace_id, task_id);
alter table public.parsed_sites enable row level security;
create trigger parsed_sites_set_updated_at before update on public.parsed_sites
  for each row execute function private.set_updated_at();
revoke all on table public.parsed_sites from anon, authenticated;
grant select on table public.parsed_sites to authenticated;
grant all on table public.parsed_sites to service_role;

create policy "Members read parsed sites of their workspace" on public.parsed_sites
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));

-- Products and ads read ---------------------------------------------------------------------------------------------

create table public.parsed_products (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  task_id uuid not null,
  parsed_site_id uuid not null,
  site text not null,
  external_id text,
  title text not null,
  price numeric(14, 2),
  currency text,
  price_kzt bigint,
  negotiable boolean,
  city text,
  seller text,
  seller_type text,
  promoted boolean not null default false,
  url text,
  rating numeric(3, 2),
  reviews integer,
  views integer,
  posted_at timestamptz,
  brand text,
  sku text,
  available boolean,
  sellers jsonb not null default '[]'::jsonb,
  data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Null external ids are distinct: an ad without an id is kept, never merged with another.
  constraint parsed_products_task_site_external_id_key unique (task_id, site, external_id),
  constraint parsed_products_task_fkey foreign key (workspace_id, task_id)
    references public.parser_tasks (workspace_id, id) on delete cascade,
  constraint parsed_products_parsed_site_fkey foreign key (workspace_id, parsed_site_id)
    references public.parsed_sites (workspace_id, id) on delete cascade,
  constraint parsed_products_site_known check (site in ('olx', 'kaspi', 'satu', 'generic')),
  constraint parsed_products_seller_type_known check (seller_type in ('private', 'business')),
  constraint parsed_products_price_kzt_is_tenge check (price_kzt is null or upper(currency) = 'KZT'),
  constraint parsed_products_counters_non_negative check (reviews >= 0 and views >= 0),
  constraint parsed_products_rating_non_negative check (rating >= 0),
  constraint parsed_products_sellers_array check (jsonb_typeof(sellers) = 'array'),
  constraint parsed_products_data_object check (jsonb_typeof(data) = 'object')
);
comment on table public.parsed_products is
  'An ad, product or price-list offer a parser task read, once per task, site and external id (the site''s ad or product id, a feed''s sku): reading it again updates the row. price is in currency''s units, price_kzt the whole-tenge price when the currency is KZT. Written only by private.record_parsed_page(); members read.';
comment on column public.parsed_products.sellers is 'A product''s sellers as its page lists them: [{"name", "id", "price"}].';
comment on column public.parsed_products.data is
  'What else the page said: a product''s attributes, description, images and availability text; a feed offer''s city_prices.';
create index parsed_products_workspace_task_idx on public.parsed_products (workspace_id, task_id);
create index parsed_products_workspace_parsed_site_idx on public.parsed_products (workspace_id, parsed_site_id);
alter table public.parsed_products enable row level security;
create trigger parsed_products_set_updated_at before update on public.parsed_products
  for each row execute function private.set_updated_at();
revoke all on table public.parsed_products from anon, authenticated;
grant select on table public.parsed_products to authenticated;
grant all on table public.parsed_products to service_role;

create policy "Members read parsed products of their workspace" on public.parsed_products
  for select to authenticated
  using (workspace_id in (select private.workspaces_with_role('viewer')));

-- Live updates: the dashboard's task page streams a task's progress.
alter table public.parser_tasks replica identity full;
alter publication supabase_realtime add table public.parser_tasks;

-- Creating and cancelling (operators) -------------------------------------------------------------------------------

-- Who may create and cancel research tasks of a workspace: a signed-in operator, admin or owner of it. A server role
-- without a user (service_role, a direct connection) acts for the system. A request without a user: 42501
-- 'sign_in_required'; a viewer or a stranger: 42501 'operator_role_required'.
create function private.require_research_operator(p_workspace_id uuid) returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if auth.uid() is null then
    -- `role` is the role the request was switched to (PostgREST: anon, authenticated, service_role), also here
    -- inside a security definer function.
    if pg_catalog.current_setting('role') in ('anon', 'authenticated') then
      raise exception 'sign_in_required' using errcode = '42501', detail = 'Sign in to run market research.';
    end if;
    return;
  end if;
  if not private.has_workspace_role(p_workspace_id, 'operator') then
    raise exception 'operator_role_required'
      using errcode = '42501', detail = 'Only operators, admins and owners of the workspace run market research.';
  end if;
end
$$;
comment on function private.require_research_operator(uuid) is
  'Passes for a signed-in operator, admin or owner of the workspace and for server roles without a user; else 42501 sign_in_required (no user) or operator_role_required.';

-- A task's input, checked and completed with its defaults, or 22023 with a stable code:
--   parse: urls a non-empty list ('no_urls') of at most 500 ('too_many_urls') absolute http(s) URLs ('invalid_url';
--          the detail and the hint name the URL), trimmed, repeats dropped; site auto|olx|kaspi|satu|generic
--          ('invalid_site', default auto); browser auto|never|always ('invalid_browser', default auto); follow_pages
--          a whole number 0..50 ('invalid_follow_pages', default 0);
--   niche: query 1..200 characters ('invalid_query'); city null or up to 100 characters ('invalid_city'; blank is
--          null); sites a non-empty list of olx|kaspi|satu ('invalid_site', default all three); max_pages a whole
--          number 1..20 ('invalid_max_pages', default 3).
-- Another kind: 'invalid_kind'; input not a JSON object: 'invalid_input'. Keys not named here are kept as given.
create function private.parser_task_input(p_kind text, p_input jsonb) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_input jsonb := coalesce(p_input, '{}'::jsonb);
  v_element jsonb;
  v_text text;
  v_urls text[] := '{}';
  v_sites text[] := '{}';
  v_site text;
  v_browser text;
  v_number numeric;
  v_query text;
  v_city text;
begin
  if p_kind is null or p_kind not in ('parse', 'niche') then
    raise exception 'invalid_kind' using errcode = '22023', detail = 'A task is a parse task or a niche task.';
  end if;
  if pg_catalog.jsonb_typeof(v_input) <> 'object' then
    raise exception 'invalid_input' using errcode = '22023', detail = 'The task input is a JSON object.';
  end if;

  if p_kind = 'parse' then
    v_element := v_input -> 'urls';
    if v_element is null or pg_catalog.jsonb_typeof(v_element) = 'null' or v_element = '[]'::jsonb then
      raise exception 'no_urls' using errcode = '22023', detail = 'Give at least one URL to read.';
    end if;
    if pg_catalog.jsonb_typeof(v_element) <> 'array' then
      raise exception 'invalid_input' using errcode = '22023', detail = 'urls is a list of URLs.';
    end if;
    if pg_catalog.jsonb_array_length(v_element) > 500 then
      raise exception 'too_many_urls'
        using errcode = '22023',
              detail = pg_catalog.format('A task reads at most 500 URLs; %s were given.', pg_catalog.jsonb_array_length(v_element));
    end if;
    for v_element in select e.value from pg_catalog.jsonb_array_elements(v_input -> 'urls') e loop
      v_text := case when pg_catalog.jsonb_typeof(v_element) = 'string' then pg_catalog.btrim(v_element #>> '{}') end;
      if v_text is null or v_text !~* '^https?://[^\s/?#]+([/?#]\S*)?$' then
        v_text := coalesce(v_text, v_element::text);
        raise exception 'invalid_url'
          using errcode = '22023',
                detail = pg_catalog.format('%s is not an absolute http(s) URL.', v_text),
                hint = v_text;
      end if;
      if not v_text = any (v_urls) then
        v_urls := v_urls || v_text;
      end if;
    end loop;
    v_site := coalesce(v_input ->> 'site', 'auto');
    if v_site not in ('auto', 'olx', 'kaspi', 'satu', 'generic') then
      raise exception 'invalid_site'
        using errcode = '22023', detail = pg_catalog.format('%s is not a site: auto, olx, kaspi, satu or generic.', v_site),
              hint = v_site;
    end if;
    v_browser := coalesce(v_input ->> 'browser', 'auto');
    if v_browser not in ('auto', 'never', 'always') then
      raise exception 'invalid_browser'
        using errcode = '22023', detail = 'browser is auto, never or always.';
    end if;
    v_element := v_input -> 'follow_pages';
    v_number := case
      when v_element is null or pg_catalog.jsonb_typeof(v_element) = 'null' then 0
      when pg_catalog.jsonb_typeof(v_element) = 'number' then v_element::numeric
    end;
    if v_number is null or v_number % 1 <> 0 or v_number not between 0 and 50 then
      raise exception 'invalid_follow_pages'
        using errcode = '22023', detail = 'follow_pages is a whole number from 0 to 50.';
    end if;
    return v_input || pg_catalog.jsonb_build_object(
      'urls', pg_catalog.to_jsonb(v_urls), 'site', v_site, 'browser', v_browser, 'follow_pages', v_number::integer
    );
  end if;

  v_query := case when pg_catalog.jsonb_typeof(v_input -> 'query') = 'string' then pg_catalog.btrim(v_input ->> 'query') end;
  if v_query is null or pg_catalog.length(v_query) not between 1 and 200 then
    raise exception 'invalid_query' using errcode = '22023', detail = 'A niche is researched for a search query of 1 to 200 characters.';
  end if;
  v_element := v_input -> 'city';
  if v_element is not null and pg_catalog.jsonb_typeof(v_element) not in ('null', 'string') then
    raise exception 'invalid_city' using errcode = '22023', detail = 'city is a city name or null.';
  end if;
  v_city := nullif(pg_catalog.btrim(v_input ->> 'city'), '');
  if pg_catalog.length(v_city) > 100 then
    raise exception 'invalid_city' using errcode = '22023', detail = 'A city name has at most 100 characters.';
  end if;
  v_element := v_input -> 'sites';
  if v_element is null or pg_catalog.jsonb_typeof(v_element) = 'null' then
    v_sites := array['olx', 'kaspi', 'satu'];
  elsif pg_catalog.jsonb_typeof(v_element) <> 'array' or v_element = '[]'::jsonb then
    raise exception 'invalid_site' using errcode = '22023', detail = 'sites is a non-empty list of olx, kaspi and satu.';
  else
    for v_element in select e.value from pg_catalog.jsonb_array_elements(v_input -> 'sites') e loop
      v_site := v_element #>> '{}';
      if pg_catalog.jsonb_typeof(v_element) <> 'string' or v_site not in ('olx', 'kaspi', 'satu') then
        raise exception 'invalid_site'
          using errcode = '22023', detail = pg_catalog.format('%s is not a site a niche is researched on: olx, kaspi, satu.', v_element),
                hint = v_site;
      end if;
      if not v_site = any (v_sites) then
        v_sites := v_sites || v_site;
      end if;
    end loop;
  end if;
  v_element := v_input -> 'max_pages';
  v_number := case
    when v_element is null or pg_catalog.jsonb_typeof(v_element) = 'null' then 3
    when pg_catalog.jsonb_typeof(v_element) = 'number' then v_element::numeric
  end;
  if v_number is null or v_number % 1 <> 0 or v_number not between 1 and 20 then
    raise exception 'invalid_max_pages' using errcode = '22023', detail = 'max_pages is a whole number from 1 to 20.';
  end if;
  return v_input || pg_catalog.jsonb_build_object(
    'query', v_query, 'city', v_city, 'sites', pg_catalog.to_jsonb(v_sites), 'max_pages', v_number::integer
  );
end
$$;
comment on function private.parser_task_input(text, jsonb) is
  'Checks a parse or niche task''s input and completes it with defaults (parse: urls 1..500 absolute http(s), trimmed, repeats dropped; site auto; browser auto; follow_pages 0..50, default 0. niche: query 1..200; city or null; sites of olx/kaspi/satu, default all; max_pages 1..20, default 3). Bad input: 22023 invalid_kind, invalid_input, no_urls, too_many_urls, invalid_url (hint: the URL), invalid_site, invalid_browser, invalid_follow_pages, invalid_query, invalid_city, invalid_max_pages.';

-- The niche a niche task researches when none is given: the workspace's niche with the same query and city (case and
-- ё/е folded), else one created for it, named "<query>, <city>" (or "<query>"), in status research. Serialised per
-- workspace, query and city, so two tasks at once find one niche.
create function private.niche_for_research(p_workspace_id uuid, p_query text, p_city text) returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_niche_id uuid;
begin
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended(
    'arqan.niche_for_research:' || p_workspace_id::text || ':' || private.fold_case(p_query) || ':'
      || coalesce(private.fold_case(p_city), ''),
    0
  ));
  select n.id into v_niche_id
  from public.niches n
  where n.workspace_id = p_workspace_id
    and private.fold_case(pg_catalog.btrim(n.query)) = private.fold_case(p_query)
    and coalesce(private.fold_case(nullif(pg_catalog.btrim(n.city), '')), '') = coalesce(private.fold_case(p_city), '')
  order by n.created_at, n.id
  limit 1;
  if found then
    return v_niche_id;
  end if;
  insert into public.niches (workspace_id, name, query, city, status)
  values (
    p_workspace_id,
    pg_catalog.left(case when p_city is null then p_query else p_query || ', ' || p_city end, 200),
    p_query,
    p_city,
    'research'
  )
  returning id into v_niche_id;
  return v_niche_id;
end
$$;
comment on function private.niche_for_research(uuid, text, text) is
  'The workspace''s niche with this query and city (case-insensitive, ё = е), else a new one named "<query>, <city>" in status research; serialised per workspace, query and city.';

-- Queues a research task for an operator, admin or owner of the workspace (see private.require_research_operator).
-- The input is checked and completed by private.parser_task_input() (22023 with a stable code when it is wrong).
-- The same idempotency key (1..200 characters, else 22023 'invalid_idempotency_key') returns the task queued the
-- first time, unchanged, however many requests arrive at once. A niche task without a niche researches the
-- workspace's niche of that query and city, created if missing; a niche named must be the workspace's (else P0002
-- 'niche_not_found'). Wakes a local worker: pg_notify('arqan_parser_tasks', <task id>) after commit.
create function public.create_parser_task(
  p_workspace_id uuid,
  p_kind text,
  p_input jsonb,
  p_idempotency_key text default null,
  p_niche_id uuid default null
) returns public.parser_tasks
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_key text := pg_catalog.btrim(p_idempotency_key);
  v_input jsonb;
  v_niche_id uuid := p_niche_id;
  v_task public.parser_tasks;
begin
  perform private.require_research_operator(p_workspace_id);
  if not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'workspace_not_found'
      using errcode = 'P0002', detail = pg_catalog.format('No workspace %s.', p_workspace_id);
  end if;
  if p_idempotency_key is not null and pg_catalog.length(v_key) not between 1 and 200 then
    raise exception 'invalid_idempotency_key'
      using errcode = '22023', detail = 'The idempotency key has 1 to 200 characters.';
  end if;
  if v_key is not null then
    -- One request at a time per key: a repeat waits for the first and then finds its task.
    perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended(
      'arqan.create_parser_task:' || p_workspace_id::text || ':' || v_key, 0
    ));
    select t.* into v_task from public.parser_tasks t where t.workspace_id = p_workspace_id and t.idempotency_key = v_key;
    if found then
      return v_task;
    end if;
  end if;

  v_input := private.parser_task_input(p_kind, p_input);
  if v_niche_id is not null then
    if not exists (select 1 from public.niches n where n.workspace_id = p_workspace_id and n.id = v_niche_id) then
      raise exception 'niche_not_found'
        using errcode = 'P0002', detail = pg_catalog.format('Niche %s is not a niche of this workspace.', v_niche_id);
    end if;
  elsif p_kind = 'niche' then
    v_niche_id := private.niche_for_research(p_workspace_id, v_input ->> 'query', v_input ->> 'city');
  end if;

  insert into public.parser_tasks (workspace_id, niche_id, kind, input, idempotency_key)
  values (p_workspace_id, v_niche_id, p_kind, v_input, v_key)
  on conflict (workspace_id, idempotency_key) do nothing
  returning * into v_task;
  if not found then
    -- Queued under the same key by a request that did not wait for the lock above (none does today).
    select t.* into v_task from public.parser_tasks t where t.workspace_id = p_workspace_id and t.idempotency_key = v_key;
    return v_task;
  end if;
  perform pg_catalog.pg_notify('arqan_parser_tasks', v_task.id::text);
  return v_task;
end
$$;
comment on function public.create_parser_task(uuid, text, jsonb, text, uuid) is
  'Operators and above (42501 sign_in_required / operator_role_required): queues a parse or niche task with its input checked and completed (22023 invalid_url, no_urls, too_many_urls, invalid_site, invalid_query, ...); the same idempotency key returns the first task unchanged; a niche task without a niche gets the workspace''s niche for its query and city (created in status research); notifies arqan_parser_tasks with the task id.';

-- An operator stops a task: a queued or running one becomes cancelled (finished now, lease cleared), and its worker
-- learns it at its next progress report. A task that has ended is returned unchanged. A task the caller cannot see:
-- P0002 'parser_task_not_found'; a viewer: 42501 'operator_role_required'.
create function public.cancel_parser_task(p_task_id uuid) returns public.parser_tasks
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_task public.parser_tasks;
begin
  select t.* into v_task from public.parser_tasks t where t.id = p_task_id for update;
  if not found or (auth.uid() is not null and private.workspace_role_of(v_task.workspace_id) is null) then
    raise exception 'parser_task_not_found'
      using errcode = 'P0002', detail = pg_catalog.format('Task %s not found in your workspaces.', p_task_id);
  end if;
  perform private.require_research_operator(v_task.workspace_id);
  if v_task.status not in ('queued', 'running') then
    return v_task;
  end if;
  update public.parser_tasks t
  set status = 'cancelled', finished_at = pg_catalog.now(), locked_by = null, locked_until = null
  where t.id = p_task_id
  returning t.* into v_task;
  return v_task;
end
$$;
comment on function public.cancel_parser_task(uuid) is
  'Operators and above: a queued or running task becomes cancelled (finished_at now, lease cleared; its worker stops at its next report); an ended task is returned unchanged. Unknown or another workspace''s: P0002 parser_task_not_found; a viewer: 42501 operator_role_required.';

-- The worker's side (service_role) ----------------------------------------------------------------------------------

-- Tasks that cannot be tried again fail: queued or running with no live lease and every attempt spent. Their error
-- is 'attempts_exhausted' (the last try's error is kept in its message). Returns how many failed.
create function private.expire_parser_tasks() returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_expired integer;
begin
  update public.parser_tasks t
  set status = 'failed',
      finished_at = pg_catalog.now(),
      locked_by = null,
      locked_until = null,
      error = pg_catalog.jsonb_build_object(
        'code', 'attempts_exhausted',
        'message', pg_catalog.format(
          'Tried %s times without finishing%s', t.attempts,
          coalesce(': ' || (t.error ->> 'code') || ' ' || (t.error ->> 'message'), '')
        )
      )
  where t.status in ('queued', 'running')
    and (t.locked_until is null or t.locked_until < pg_catalog.now())
    and t.attempts >= t.max_attempts;
  get diagnostics v_expired = row_count;
  return v_expired;
end
$$;
comment on function private.expire_parser_tasks() is
  'Fails queued or running tasks whose lease is gone and whose attempts are spent (error attempts_exhausted, finished now). Returns how many.';

-- Hands the oldest due task to a worker, or nothing: queued, or running with its lease run out (the worker that had
-- it is gone), run_after reached, attempts left. Taken `for update skip locked`, so concurrent workers never get the
-- same task and never wait for each other. The task becomes running with attempts + 1, the worker's name and a
-- lease of p_visibility (1 second .. 1 day, else 22023); started_at keeps its first start. Tasks whose attempts are
-- spent fail first (private.expire_parser_tasks()).
create function private.claim_parser_task(p_worker text, p_visibility interval default interval '5 minutes')
returns setof public.parser_tasks
language plpgsql
volatile
security definer
set search_path = ''
rows 1
as $$
begin
  if p_worker is null or pg_catalog.length(pg_catalog.btrim(p_worker)) not between 1 and 200 then
    raise exception 'invalid_worker' using errcode = '22023', detail = 'A worker names itself with 1 to 200 characters.';
  end if;
  if p_visibility is null or p_visibility < interval '1 second' or p_visibility > interval '1 day' then
    raise exception 'invalid_visibility' using errcode = '22023', detail = 'A lease lasts from 1 second to 1 day.';
  end if;
  perform private.expire_parser_tasks();
  return query
    with due as (
      select t.id
      from public.parser_tasks t
      where t.status in ('queued', 'running')
        and t.run_after <= pg_catalog.now()
        and (t.locked_until is null or t.locked_until < pg_catalog.now())
        and t.attempts < t.max_attempts
      order by t.created_at, t.id
      limit 1
      for update skip locked
    )
    update public.parser_tasks t
    set status = 'running',
        attempts = t.attempts + 1,
        locked_by = p_worker,
        locked_until = pg_catalog.now() + p_visibility,
        started_at = coalesce(t.started_at, pg_catalog.now())
    from due
    where t.id = due.id
    returning t.*;
end
$$;
comment on function private.claim_parser_task(text, interval) is
  'Claims the oldest due task (queued, or running with an expired lease; run_after reached; attempts left) for update skip locked: running, attempts + 1, locked_by the worker, locked_until now + p_visibility. Fails spent tasks first. Returns 0 or 1 row.';

-- The task a worker acts on, locked, when that worker holds it (running, locked_by the worker); else null.
create function private.parser_task_held_by(p_task_id uuid, p_worker text) returns public.parser_tasks
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_task public.parser_tasks;
begin
  select t.* into v_task
  from public.parser_tasks t
  where t.id = p_task_id and t.locked_by = p_worker and t.status = 'running'
  for update;
  return v_task;
end
$$;
comment on function private.parser_task_held_by(uuid, text) is
  'The task, locked for update, when it is running and held by the worker; else null.';

-- A worker's progress: pages in all, read, failed, items found, a note for the dashboard (null counters keep their
-- value). Only the worker holding the task may report; the lease is extended by p_visibility. false: the task is not
-- (or no longer) this worker's - its lease was taken over, or it was cancelled - and the worker must stop.
create function private.report_parser_progress(
  p_task_id uuid,
  p_worker text,
  p_pages_total integer,
  p_pages_done integer,
  p_pages_failed integer,
  p_items_found integer,
  p_note text default null,
  p_visibility interval default interval '5 minutes'
) returns boolean
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if p_visibility is null or p_visibility < interval '1 second' or p_visibility > interval '1 day' then
    raise exception 'invalid_visibility' using errcode = '22023', detail = 'A lease lasts from 1 second to 1 day.';
  end if;
  update public.parser_tasks t
  set pages_total = coalesce(p_pages_total, t.pages_total),
      pages_done = coalesce(p_pages_done, t.pages_done),
      pages_failed = coalesce(p_pages_failed, t.pages_failed),
      items_found = coalesce(p_items_found, t.items_found),
      progress_note = pg_catalog.left(p_note, 500),
      locked_until = pg_catalog.now() + p_visibility
  where t.id = p_task_id and t.locked_by = p_worker and t.status = 'running';
  return found;
end
$$;
comment on function private.report_parser_progress(uuid, text, integer, integer, integer, integer, text, interval) is
  'The holding worker''s progress (pages total/done/failed, items found, a note of 500 characters; null keeps a counter) and a lease extended by p_visibility. false when the worker no longer holds the task (lease taken over, cancelled): it must stop.';

-- A JSON value read as a time, or null when it is not one (a page's date is data from outside).
create function private.parsed_time(p_value text) returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
begin
  return p_value::timestamptz;
exception when others then
  return null;
end
$$;
comment on function private.parsed_time(text) is 'The text as a timestamptz, or null when it is not a time.';

-- Stores one page a worker read and the products on it, in one call (one transaction); only the worker holding the
-- task may (else 55000 'lease_lost'). p_page is a ParsedPage (packages/shared/src/research/parsedPage.ts) plus,
-- optionally, "error": {code, message} when fetching failed (a page of kind unknown, or none, is then kind 'error')
-- and "requested_url" when the task asked for another URL than the page names. The page row is upserted on (task,
-- URL); its products - listing items, the product of a product page (with its sellers), a feed's offers (external id
-- and sku the offer's sku, title its model, price in tenge) - on (task, site, external id): values read win, values
-- the new read lacks are kept, a repeat within the page is stored once (promoted if any copy was). Products without an
-- external id are replaced with the page's. Recording the same page again duplicates nothing. price_kzt is the price
-- rounded to whole tenge when the currency is KZT. A page without a URL, or with an unknown site or kind: 22023
-- 'invalid_page'. Returns {parsed_site_id, products} (products stored from this page).
create function private.record_parsed_page(p_task_id uuid, p_worker text, p_page jsonb) returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_task public.parser_tasks := private.parser_task_held_by(p_task_id, p_worker);
  v_error jsonb := nullif(p_page -> 'error', 'null'::jsonb);
  v_final_url text := p_page ->> 'url';
  v_url text := pg_catalog.btrim(coalesce(p_page ->> 'requested_url', p_page ->> 'url'));
  v_domain text;
  v_site text := coalesce(p_page ->> 'site', 'generic');
  v_kind text := p_page ->> 'kind';
  v_items jsonb := case when pg_catalog.jsonb_typeof(p_page -> 'items') = 'array' then p_page -> 'items' else '[]'::jsonb end;
  v_offers jsonb := case when pg_catalog.jsonb_typeof(p_page -> 'offers') = 'array' then p_page -> 'offers' else '[]'::jsonb end;
  v_product jsonb := case when pg_catalog.jsonb_typeof(p_page -> 'product') = 'object' then p_page -> 'product' end;
  v_parsed_site_id uuid;
  v_products integer;
begin
  if v_task.id is null then
    raise exception 'lease_lost'
      using errcode = '55000',
            detail = pg_catalog.format('Task %s is not running under worker %s: stop working on it.', p_task_id, p_worker);
  end if;
  if p_page is null or pg_catalog.jsonb_typeof(p_page) <> 'object' or v_url is null or v_url = '' then
    raise exception 'invalid_page' using errcode = '22023', detail = 'A page result is a JSON object with its url.';
  end if;
  if v_error is not null and coalesce(v_kind, 'unknown') = 'unknown' then
    v_kind := 'error';
  end if;
  v_domain := coalesce(pg_catalog.lower(pg_catalog.substring(v_url, '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)')), '');
  -- A page that could not be fetched says nothing of its site: its address does.
  if v_kind = 'error' and v_site = 'generic' then
    v_site := case
      when v_domain ~ '(^|\.)olx\.[a-z.]+$' then 'olx'
      when v_domain ~ '(^|\.)kaspi\.kz$' then 'kaspi'
      when v_domain ~ '(^|\.)satu\.kz$' then 'satu'
      else 'generic'
    end;
  end if;
  if v_site not in ('olx', 'kaspi', 'satu', 'generic')
    or v_kind is null
    or v_kind not in ('listing', 'product', 'feed', 'not_found', 'needs_js', 'blocked', 'unknown', 'error') then
    raise exception 'invalid_page'
      using errcode = '22023', detail = pg_catalog.format('Unknown site %s or page kind %s.', v_site, v_kind);
  end if;

  insert into public.parsed_sites as s (
    workspace_id, task_id, url, final_url, domain, site, kind, fetch_path, http_status, title, total, seo, missing,
    error, page, item_count, fetched_at
  )
  values (
    v_task.workspace_id,
    v_task.id,
    v_url,
    v_final_url,
    v_domain,
    v_site,
    v_kind,
    p_page #>> '{fetch,path}',
    (p_page #>> '{fetch,status}')::numeric::integer,
    p_page ->> 'title',
    (p_page ->> 'total')::numeric::integer,
    case when pg_catalog.jsonb_typeof(p_page -> 'seo') = 'object' then p_page -> 'seo' else '{}'::jsonb end,
    case when pg_catalog.jsonb_typeof(p_page -> 'missing') = 'array'
      then array(select pg_catalog.jsonb_array_elements_text(p_page -> 'missing'))
      else '{}'::text[]
    end,
    v_error,
    p_page - 'items' - 'offers' - 'error' - 'requested_url',
    pg_catalog.jsonb_array_length(v_items) + pg_catalog.jsonb_array_length(v_offers) + case when v_product is null then 0 else 1 end,
    pg_catalog.now()
  )
  on conflict (task_id, url) do update set
    final_url = excluded.final_url,
    domain = excluded.domain,
    site = excluded.site,
    kind = excluded.kind,
    fetch_path = excluded.fetch_path,
    http_status = excluded.http_status,
    title = excluded.title,
    total = excluded.total,
    seo = excluded.seo,
    missing = excluded.missing,
    error = excluded.error,
    page = excluded.page,
    item_count = excluded.item_count,
    fetched_at = excluded.fetched_at
  returning s.id into v_parsed_site_id;

  -- Products without an id cannot be matched to their earlier read: the page's new read replaces them.
  delete from public.parsed_products p
  where p.workspace_id = v_task.workspace_id and p.parsed_site_id = v_parsed_site_id and p.external_id is null;

  with seen as (
    -- Listing cards.
    select
      i.n,
      i.item ->> 'id' as external_id,
      i.item ->> 'title' as title,
      (i.item ->> 'price')::numeric as price,
      i.item ->> 'currency' as currency,
      (i.item ->> 'negotiable')::boolean as negotiable,
      i.item ->> 'city' as city,
      i.item ->> 'seller' as seller,
      i.item ->> 'seller_type' as seller_type,
      coalesce((i.item ->> 'promoted')::boolean, false) as promoted,
      i.item ->> 'url' as url,
      (i.item ->> 'rating')::numeric as rating,
      (i.item ->> 'reviews')::numeric::integer as reviews,
      (i.item ->> 'views')::numeric::integer as views,
      private.parsed_time(i.item ->> 'posted_at') as posted_at,
      null::text as brand,
      null::text as sku,
      null::boolean as available,
      '[]'::jsonb as sellers,
      '{}'::jsonb as data
    from pg_catalog.jsonb_array_elements(v_items) with ordinality as i(item, n)
    union all
    -- The product of a product page, with its sellers.
    select
      0,
      coalesce(v_product ->> 'id', v_product ->> 'sku'),
      v_product ->> 'title',
      (v_product ->> 'price')::numeric,
      v_product ->> 'currency',
      (v_product ->> 'negotiable')::boolean,
      v_product ->> 'city',
      v_product ->> 'seller',
      null,
      false,
      coalesce(v_product ->> 'url', v_final_url),
      (v_product ->> 'rating')::numeric,
      (v_product ->> 'reviews')::numeric::integer,
      null,
      null,
      v_product ->> 'brand',
      v_product ->> 'sku',
      case
        when v_product ->> 'availability' ~* '(out ?of ?stock|out_of_stock|sold ?out|discontinued|нет в наличии)' then false
        when v_product ->> 'availability' ~* '(in ?stock|in_stock|limited ?availability|pre ?order|в наличии)' then true
      end,
      case when pg_catalog.jsonb_typeof(v_product -> 'sellers') = 'array' then v_product -> 'sellers' else '[]'::jsonb end,
      pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
        'attributes', v_product -> 'attributes',
        'description', v_product -> 'description',
        'images', v_product -> 'images',
        'availability', v_product -> 'availability'
      ))
    where v_product is not null
    union all
    -- A merchant price list's offers: Kaspi and Satu price lists are in tenge.
    select
      o.n,
      o.offer ->> 'sku',
      coalesce(o.offer ->> 'model', o.offer ->> 'sku'),
      (o.offer ->> 'price')::numeric,
      coalesce(o.offer ->> 'currency', 'KZT'),
      null,
      null,
      null,
      null,
      false,
      null,
      null,
      null,
      null,
      null,
      o.offer ->> 'brand',
      o.offer ->> 'sku',
      (o.offer ->> 'available')::boolean,
      '[]'::jsonb,
      pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('city_prices', o.offer -> 'city_prices'))
    from pg_catalog.jsonb_array_elements(v_offers) with ordinality as o(offer, n)
  ),
  keyed as (
    select
      seen.*,
      coalesce(seen.external_id, '#' || seen.n::text) as product_key,
      pg_catalog.bool_or(seen.promoted) over (partition by coalesce(seen.external_id, '#' || seen.n::text)) as any_promoted
    from seen
  ),
  once as (
    select distinct on (keyed.product_key) keyed.*
    from keyed
    order by keyed.product_key, keyed.n
  )
  insert into public.parsed_products as p (
    workspace_id, task_id, parsed_site_id, site, external_id, title, price, currency, price_kzt, negotiable, city,
    seller, seller_type, promoted, url, rating, reviews, views, posted_at, brand, sku, available, sellers, data
  )
  select
    v_task.workspace_id,
    v_task.id,
    v_parsed_site_id,
    v_site,
    once.external_id,
    once.title,
    pg_catalog.round(once.price, 2),
    once.currency,
    case when pg_catalog.upper(once.currency) = 'KZT' then pg_catalog.round(once.price)::bigint end,
    once.negotiable,
    once.city,
    once.seller,
    once.seller_type,
    once.any_promoted,
    once.url,
    -- numeric(3, 2): ratings from 0 to 9.99; another scale is not a rating we can compare.
    case when once.rating >= 0 and once.rating < 10 then pg_catalog.round(once.rating, 2) end,
    once.reviews,
    once.views,
    once.posted_at,
    once.brand,
    once.sku,
    once.available,
    once.sellers,
    once.data
  from once
  order by once.n
  on conflict (task_id, site, external_id) do update set
    title = excluded.title,
    price = coalesce(excluded.price, p.price),
    currency = case when excluded.price is null then coalesce(p.currency, excluded.currency) else excluded.currency end,
    price_kzt = case when excluded.price is null then p.price_kzt else excluded.price_kzt end,
    negotiable = coalesce(excluded.negotiable, p.negotiable),
    city = coalesce(excluded.city, p.city),
    seller = coalesce(excluded.seller, p.seller),
    seller_type = coalesce(excluded.seller_type, p.seller_type),
    promoted = p.promoted or excluded.promoted,
    url = coalesce(excluded.url, p.url),
    rating = coalesce(excluded.rating, p.rating),
    reviews = coalesce(excluded.reviews, p.reviews),
    views = coalesce(excluded.views, p.views),
    posted_at = coalesce(excluded.posted_at, p.posted_at),
    brand = coalesce(excluded.brand, p.brand),
    sku = coalesce(excluded.sku, p.sku),
    available = coalesce(excluded.available, p.available),
    sellers = case when excluded.sellers = '[]'::jsonb then p.sellers else excluded.sellers end,
    data = p.data || excluded.data;
  get diagnostics v_products = row_count;

  return pg_catalog.jsonb_build_object('parsed_site_id', v_parsed_site_id, 'products', v_products);
end
$$;
comment on function private.record_parsed_page(uuid, text, jsonb) is
  'The holding worker stores a page (upsert on task and URL; kind error when its fetch failed) and its listing items, product or feed offers (upsert on task, site, external id; repeats within the page stored once; values read win, values missing are kept; price_kzt for KZT prices), in one transaction. Not the holder: 55000 lease_lost; no URL, unknown site or kind: 22023 invalid_page. Returns {parsed_site_id, products}.';

-- The holding worker ends its task: done, partial (some pages failed or lacked fields), blocked or failed (else 22023
-- 'invalid_status'), with its result (a JSON object or list, else 22023 'invalid_result') and error ({code, message},
-- else 22023 'invalid_error'). finished_at is set and the lease cleared. A niche task that read something (done or
-- partial) with a result adds the result to its niche's market research as a 'niche_report' for the task's city.
-- false when the worker no longer holds the task (nothing changes).
create function private.complete_parser_task(
  p_task_id uuid,
  p_worker text,
  p_status text,
  p_result jsonb default null,
  p_error jsonb default null
) returns boolean
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_task public.parser_tasks;
begin
  if p_status is null or p_status not in ('done', 'partial', 'blocked', 'failed') then
    raise exception 'invalid_status'
      using errcode = '22023', detail = 'A task ends done, partial, blocked or failed.';
  end if;
  if p_result is not null and pg_catalog.jsonb_typeof(p_result) not in ('object', 'array') then
    raise exception 'invalid_result' using errcode = '22023', detail = 'A task''s result is a JSON object or list.';
  end if;
  if p_error is not null and not (
    pg_catalog.jsonb_typeof(p_error) = 'object'
    and pg_catalog.jsonb_typeof(p_error -> 'code') = 'string'
    and pg_catalog.jsonb_typeof(p_error -> 'message') = 'string'
  ) then
    raise exception 'invalid_error' using errcode = '22023', detail = 'An error is {"code": text, "message": text}.';
  end if;
  v_task := private.parser_task_held_by(p_task_id, p_worker);
  if v_task.id is null then
    return false;
  end if;
  update public.parser_tasks t
  set status = p_status,
      result = p_result,
      error = p_error,
      finished_at = pg_catalog.now(),
      locked_by = null,
      locked_until = null
  where t.id = v_task.id;
  if v_task.kind = 'niche' and p_result is not null and p_status in ('done', 'partial') then
    insert into public.market_research (workspace_id, niche_id, data_type, region, data)
    values (v_task.workspace_id, v_task.niche_id, 'niche_report', v_task.input ->> 'city', p_result);
  end if;
  return true;
end
$$;
comment on function private.complete_parser_task(uuid, text, text, jsonb, jsonb) is
  'The holding worker ends its task done, partial, blocked or failed (22023 invalid_status / invalid_result / invalid_error), with result and error; finished_at set, lease cleared. A done or partial niche task with a result adds a market_research niche_report (region: the task''s city). false when the worker no longer holds the task.';

-- The holding worker reports a failed try. With p_retry and attempts left, the task is queued again after
-- 30 s x 2^(attempts - 1), at most an hour (30 s, 1 min, 2 min, ...), lease cleared, the error kept; otherwise it
-- fails with the error. The error is {code, message} (else 22023 'invalid_error'). Returns the new status, or null
-- when the worker no longer holds the task (nothing changes).
create function private.fail_parser_task(p_task_id uuid, p_worker text, p_error jsonb, p_retry boolean default true)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_task public.parser_tasks;
begin
  if p_error is null or not (
    pg_catalog.jsonb_typeof(p_error) = 'object'
    and pg_catalog.jsonb_typeof(p_error -> 'code') = 'string'
    and pg_catalog.jsonb_typeof(p_error -> 'message') = 'string'
  ) then
    raise exception 'invalid_error' using errcode = '22023', detail = 'An error is {"code": text, "message": text}.';
  end if;
  v_task := private.parser_task_held_by(p_task_id, p_worker);
  if v_task.id is null then
    return null;
  end if;
  if coalesce(p_retry, false) and v_task.attempts < v_task.max_attempts then
    update public.parser_tasks t
    set status = 'queued',
        run_after = pg_catalog.now() + least(
          interval '30 seconds' * pg_catalog.power(2, greatest(t.attempts - 1, 0)),
          interval '1 hour'
        ),
        locked_by = null,
        locked_until = null,
        error = p_error
    where t.id = v_task.id
    returning t.* into v_task;
  else
    update public.parser_tasks t
    set status = 'failed', finished_at = pg_catalog.now(), locked_by = null, locked_until = null, error = p_error
    where t.id = v_task.id
    returning t.* into v_task;
  end if;
  return v_task.status;
end
$$;
comment on function private.fail_parser_task(uuid, text, jsonb, boolean) is
  'The holding worker''s failed try: with p_retry and attempts left, queued again after min(30 s x 2^(attempts - 1), 1 hour), lease cleared, error kept; else failed with the error. Returns the new status, null when the worker no longer holds the task.';

-- Reading (members) ---------------------------------------------------------------------------------------------------

-- What a task read, for the dashboard's task page: its pages by kind, site and fetch path, its errors by code, its
-- products (in all and by site) and the fields its readers missed with how many pages missed each. Security invoker:
-- RLS decides, so a task the caller cannot see (another workspace's, a client's sales person) is P0002
-- 'parser_task_not_found'.
create function public.parser_task_summary(p_task_id uuid) returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_task public.parser_tasks;
begin
  select t.* into v_task from public.parser_tasks t where t.id = p_task_id;
  if not found then
    raise exception 'parser_task_not_found'
      using errcode = 'P0002', detail = pg_catalog.format('Task %s not found in your workspaces.', p_task_id);
  end if;
  return pg_catalog.jsonb_build_object(
    'task_id', v_task.id,
    'status', v_task.status,
    'pages', (select pg_catalog.count(*) from public.parsed_sites s where s.task_id = v_task.id),
    'by_kind', coalesce((
      select pg_catalog.jsonb_object_agg(k.kind, k.pages)
      from (
        select s.kind, pg_catalog.count(*) as pages from public.parsed_sites s where s.task_id = v_task.id group by s.kind
      ) k
    ), '{}'::jsonb),
    'by_site', coalesce((
      select pg_catalog.jsonb_object_agg(k.site, k.pages)
      from (
        select s.site, pg_catalog.count(*) as pages from public.parsed_sites s where s.task_id = v_task.id group by s.site
      ) k
    ), '{}'::jsonb),
    'by_fetch_path', coalesce((
      select pg_catalog.jsonb_object_agg(k.fetch_path, k.pages)
      from (
        select coalesce(s.fetch_path, 'none') as fetch_path, pg_catalog.count(*) as pages
        from public.parsed_sites s where s.task_id = v_task.id group by 1
      ) k
    ), '{}'::jsonb),
    'errors', coalesce((
      select pg_catalog.jsonb_object_agg(k.code, k.pages)
      from (
        select s.error ->> 'code' as code, pg_catalog.count(*) as pages
        from public.parsed_sites s where s.task_id = v_task.id and s.error is not null group by 1
      ) k
    ), '{}'::jsonb),
    'products', (select pg_catalog.count(*) from public.parsed_products p where p.task_id = v_task.id),
    'products_by_site', coalesce((
      select pg_catalog.jsonb_object_agg(k.site, k.products)
      from (
        select p.site, pg_catalog.count(*) as products from public.parsed_products p where p.task_id = v_task.id group by p.site
      ) k
    ), '{}'::jsonb),
    'missing', coalesce((
      select pg_catalog.jsonb_object_agg(k.field, k.pages)
      from (
        select m.field, pg_catalog.count(*) as pages
        from public.parsed_sites s, pg_catalog.unnest(s.missing) as m(field)
        where s.task_id = v_task.id
        group by m.field
      ) k
    ), '{}'::jsonb)
  );
end
$$;
comment on function public.parser_task_summary(uuid) is
  'For members (RLS decides): a task''s status, pages in all and by kind, site and fetch path, page errors by code, products in all and by site, and each missed field with the number of pages that missed it. A task the caller cannot see: P0002 parser_task_not_found.';

revoke all on function private.require_research_operator(uuid) from public;
revoke all on function private.parser_task_input(text, jsonb) from public;
revoke all on function private.niche_for_research(uuid, text, text) from public;
revoke all on function public.create_parser_task(uuid, text, jsonb, text, uuid) from public, anon;
revoke all on function public.cancel_parser_task(uuid) from public, anon;
revoke all on function private.expire_parser_tasks() from public;
revoke all on function private.claim_parser_task(text, interval) from public;
revoke all on function private.parser_task_held_by(uuid, text) from public;
revoke all on function private.report_parser_progress(uuid, text, integer, integer, integer, integer, text, interval) from public;
revoke all on function private.parsed_time(text) from public;
revoke all on function private.record_parsed_page(uuid, text, jsonb) from public;
revoke all on function private.complete_parser_task(uuid, text, text, jsonb, jsonb) from public;
revoke all on function private.fail_parser_task(uuid, text, jsonb, boolean) from public;
revoke all on function public.parser_task_summary(uuid) from public, anon;
grant execute on function public.create_parser_task(uuid, text, jsonb, text, uuid) to authenticated, service_role;
grant execute on function public.cancel_parser_task(uuid) to authenticated, service_role;
grant execute on function public.parser_task_summary(uuid) to authenticated, service_role;
grant execute on function private.expire_parser_tasks() to service_role;
grant execute on function private.claim_parser_task(text, interval) to service_role;
grant execute on function private.report_parser_progress(uuid, text, integer, integer, integer, integer, text, interval) to service_role;
grant execute on function private.record_parsed_page(uuid, text, jsonb) to service_role;
grant execute on function private.complete_parser_task(uuid, text, text, jsonb, jsonb) to service_role;
grant execute on function private.fail_parser_task(uuid, text, jsonb, boolean) to service_role;
