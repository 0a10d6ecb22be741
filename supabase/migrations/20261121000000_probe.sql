create table public.probe(id int primary key);
