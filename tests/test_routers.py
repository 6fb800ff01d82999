"""The read-replica router: public reads to the replica, the admin and every write to the
primary (infra/routers.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from infra import routers
from projects.models import Project


@pytest.fixture
def replica(monkeypatch):
    """As if DATABASE_REPLICA_URL were set (the router's decisions; no second server)."""
    monkeypatch.setattr(routers, "replica_in_use", lambda: True)


@pytest.fixture
def reads(monkeypatch):
    """For each read while a request is answered: would it go to the replica? (The test
    database has no replica to send it to, so the decision is recorded and the read is done
    on the primary.)"""
    seen = []
    decide = routers.PrimaryReplicaRouter.db_for_read

    def record(self, model, **hints):
        seen.append((model._meta.label, decide(self, model, **hints)))
        return "default"

    monkeypatch.setattr(routers.PrimaryReplicaRouter, "db_for_read", record)
    return seen


def test_reads_go_to_the_primary_outside_public_views(replica):
    router = routers.PrimaryReplicaRouter()
    assert router.db_for_read(Project) == "default"
    with routers.public_reads():
        assert router.db_for_read(Project) == routers.REPLICA
        assert router.db_for_write(Project) == "default"
    assert router.db_for_read(Project) == "default"


def test_without_a_replica_everything_is_the_primary():
    router = routers.PrimaryReplicaRouter()
    with routers.public_reads():
        assert router.db_for_read(Project) == "default"


def test_migrations_only_on_the_primary():
    router = routers.PrimaryReplicaRouter()
    assert router.allow_migrate("default", "projects")
    assert not router.allow_migrate(routers.REPLICA, "projects")


@pytest.mark.django_db
def test_public_page_reads_from_the_replica(client, seed, replica, reads):
    project = Project.objects.published().first()
    reads.clear()
    assert client.get(project.get_absolute_url()).status_code == 200
    assert reads, "the page read nothing"
    assert {alias for _, alias in reads} == {routers.REPLICA}


@pytest.mark.django_db
def test_api_reads_from_the_replica(client, seed, replica, reads):
    reads.clear()
    assert client.get("/api/v1/projects").status_code == 200
    assert {alias for _, alias in reads} == {routers.REPLICA}


@pytest.mark.django_db
def test_admin_reads_from_the_primary(admin_client, seed, replica, reads):
    reads.clear()
    assert admin_client.get(reverse("admin:projects_project_changelist")).status_code == 200
    assert reads
    assert {alias for _, alias in reads} == {"default"}
