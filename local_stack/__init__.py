"""The whole platform on one machine: the embedded AWS (moto server), the resources the
app expects, created from the same definitions infra/ deploys, demo data, and the Chalice
app served on 127.0.0.1. Used by `make run` and by the tests."""
