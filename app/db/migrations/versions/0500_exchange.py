"""exchange: PC identity, partners, bundles sent and received, sync state, conflicts

Revision ID: 0500
Revises: 0001
Create Date: 2026-11-27 10:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0500"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = ("exchange",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('exchange_identity',
    sa.Column('pc_uuid', sa.String(length=36), nullable=False),
    sa.Column('pc_name', sa.String(length=100), nullable=False),
    sa.Column('epoch', sa.String(length=36), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_identity')),
    sa.UniqueConstraint('pc_uuid', name=op.f('uq_exchange_identity_pc_uuid')),
    sa.UniqueConstraint('uuid', name=op.f('uq_exchange_identity_uuid'))
    )
    op.create_table('exchange_partner',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('pc_uuid', sa.String(length=36), nullable=True),
    sa.Column('pc_name', sa.String(length=100), nullable=False),
    sa.Column('last_export_seq', sa.Integer(), nullable=False),
    sa.Column('last_export_at', sa.DateTime(), nullable=True),
    sa.Column('acked_seq', sa.Integer(), nullable=False),
    sa.Column('acked_since', sa.DateTime(), nullable=True),
    sa.Column('last_import_epoch', sa.String(length=36), nullable=False),
    sa.Column('last_import_seq', sa.Integer(), nullable=False),
    sa.Column('last_import_bundle', sa.String(length=36), nullable=False),
    sa.Column('last_import_at', sa.DateTime(), nullable=True),
    sa.Column('resend_all', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_partner')),
    sa.UniqueConstraint('name', name=op.f('uq_exchange_partner_name')),
    sa.UniqueConstraint('uuid', name=op.f('uq_exchange_partner_uuid'))
    )
    with op.batch_alter_table('exchange_partner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_partner_pc_uuid'), ['pc_uuid'], unique=False)
    op.create_table('exchange_conflict',
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=100), nullable=False),
    sa.Column('record_uuid', sa.String(length=36), nullable=False),
    sa.Column('local_json', sa.Text(), nullable=True),
    sa.Column('remote_json', sa.Text(), nullable=True),
    sa.Column('local_hash', sa.String(length=64), nullable=False),
    sa.Column('remote_hash', sa.String(length=64), nullable=False),
    sa.Column('remote_created_at', sa.DateTime(), nullable=True),
    sa.Column('local_version', sa.Integer(), nullable=True),
    sa.Column('bundle_uuid', sa.String(length=36), nullable=False),
    sa.Column('detected_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_by', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['exchange_partner.id'], name=op.f('fk_exchange_conflict_partner_id_exchange_partner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_conflict')),
    sa.UniqueConstraint('uuid', name=op.f('uq_exchange_conflict_uuid'))
    )
    with op.batch_alter_table('exchange_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_conflict_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exchange_conflict_record_uuid'), ['record_uuid'], unique=False)
        batch_op.create_index(batch_op.f('ix_exchange_conflict_status'), ['status'], unique=False)
    op.create_table('exchange_export',
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('bundle_uuid', sa.String(length=36), nullable=False),
    sa.Column('snapshot_at', sa.DateTime(), nullable=False),
    sa.Column('since', sa.DateTime(), nullable=True),
    sa.Column('counts_json', sa.Text(), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['exchange_partner.id'], name=op.f('fk_exchange_export_partner_id_exchange_partner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_export')),
    sa.UniqueConstraint('bundle_uuid', name=op.f('uq_exchange_export_bundle_uuid')),
    sa.UniqueConstraint('uuid', name=op.f('uq_exchange_export_uuid'))
    )
    with op.batch_alter_table('exchange_export', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_export_partner_id'), ['partner_id'], unique=False)
    op.create_table('exchange_import',
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('bundle_uuid', sa.String(length=36), nullable=False),
    sa.Column('source_pc_uuid', sa.String(length=36), nullable=False),
    sa.Column('source_epoch', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('summary_json', sa.Text(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['exchange_partner.id'], name=op.f('fk_exchange_import_partner_id_exchange_partner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_import')),
    sa.UniqueConstraint('bundle_uuid', name=op.f('uq_exchange_import_bundle_uuid')),
    sa.UniqueConstraint('uuid', name=op.f('uq_exchange_import_uuid'))
    )
    with op.batch_alter_table('exchange_import', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_import_partner_id'), ['partner_id'], unique=False)
    op.create_table('exchange_sync_state',
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=100), nullable=False),
    sa.Column('record_uuid', sa.String(length=36), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['exchange_partner.id'], name=op.f('fk_exchange_sync_state_partner_id_exchange_partner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_sync_state')),
    sa.UniqueConstraint('partner_id', 'table_name', 'record_uuid', name=op.f('uq_exchange_sync_state_partner_id_table_name_record_uuid')),
    sa.UniqueConstraint('uuid', name=op.f('uq_exchange_sync_state_uuid'))
    )


def downgrade() -> None:
    op.drop_table('exchange_sync_state')
    with op.batch_alter_table('exchange_import', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_import_partner_id'))
    op.drop_table('exchange_import')
    with op.batch_alter_table('exchange_export', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_export_partner_id'))
    op.drop_table('exchange_export')
    with op.batch_alter_table('exchange_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_conflict_status'))
        batch_op.drop_index(batch_op.f('ix_exchange_conflict_record_uuid'))
        batch_op.drop_index(batch_op.f('ix_exchange_conflict_partner_id'))
    op.drop_table('exchange_conflict')
    with op.batch_alter_table('exchange_partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_partner_pc_uuid'))
    op.drop_table('exchange_partner')
    op.drop_table('exchange_identity')
