"""The peewee models: generic, form-agnostic tables, so that a new competition round needs no migration."""

from __future__ import annotations

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


class BaseModel(Model):
    class Meta:
        database = None  # bound by models.db.open_database


class Application(BaseModel):
    uuid = CharField(unique=True)
    name = TextField(default="")
    form_id = CharField()
    form_version = IntegerField()
    kind = CharField(default="nadanie")  # nadanie | odnowienie
    state = CharField(default="draft")  # draft | final
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="SET NULL")
    version_no = IntegerField(default=1)
    checksum = CharField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    finalized_at = DateTimeField(null=True)

    class Meta:
        table_name = "application"


class Value(BaseModel):
    application = ForeignKeyField(Application, backref="values", on_delete="CASCADE")
    key = CharField()
    data = TextField()  # JSON

    class Meta:
        table_name = "value"
        indexes = ((("application", "key"), True),)


class ImportSource(BaseModel):
    file_name = TextField()
    sha256 = CharField()
    sheet = TextField(null=True)
    imported_at = DateTimeField()

    class Meta:
        table_name = "import_source"


class TableRow(BaseModel):
    application = ForeignKeyField(Application, backref="rows", on_delete="CASCADE")
    table_key = CharField()
    uid = CharField()
    position = IntegerField()
    data = TextField()  # JSON
    source = ForeignKeyField(ImportSource, null=True, on_delete="SET NULL")
    source_row = IntegerField(null=True)

    class Meta:
        table_name = "row"
        indexes = ((("application", "uid"), True), (("application", "table_key", "position"), False))


class Blob(BaseModel):
    sha256 = CharField(primary_key=True)
    data = BlobField()

    class Meta:
        table_name = "blob"


class SignatureRow(BaseModel):
    """One signature found in a signed file of an application; the file is in `blob` under `file_sha256`."""

    application = ForeignKeyField(Application, backref="signatures", on_delete="CASCADE")
    file_sha256 = CharField()
    file_name = TextField()
    kind = CharField()  # PAdES | XAdES
    position = IntegerField(default=0)  # the signature's place in the file (0 = first)
    signer = TextField()
    organisation = TextField(default="")
    signing_time = DateTimeField(null=True)
    time_source = TextField(default="")
    validity = TextField()
    valid_at_signing = BooleanField(default=False)
    qualified = BooleanField(default=False)
    qc = TextField(default="")
    issuer = TextField(default="")
    pdf_sha256 = CharField()  # the application PDF: the unsigned revision, or the file a detached XAdES signs
    pdf_name = TextField(default="")  # a detached XAdES: the PDF beside it (in `blob` too)
    recorded_at = DateTimeField()

    class Meta:
        table_name = "signature"
        indexes = ((("application", "file_sha256", "position"), True),)


class QuestionnaireRound(BaseModel):
    """One round of questionnaires sent to the members of an application (issue 17)."""

    application = ForeignKeyField(Application, backref="questionnaire_rounds", on_delete="CASCADE")
    created_at = DateTimeField()
    deadline = DateField(null=True)
    folder = TextField(default="")

    class Meta:
        table_name = "questionnaire_round"


class QuestionnaireMessage(BaseModel):
    """One message of a round: the questionnaire or a reminder, to one member, with the workbook it carried."""

    round = ForeignKeyField(QuestionnaireRound, backref="messages", on_delete="CASCADE")
    member_uid = CharField()
    member_name = TextField(default="")
    nip = CharField(default="")
    email = TextField(default="")
    kind = CharField()  # questionnaire | reminder
    file_name = TextField()
    file_sha256 = CharField()
    eml_name = TextField(default="")
    created_at = DateTimeField()

    class Meta:
        table_name = "questionnaire_message"


MODELS = [Application, Value, ImportSource, TableRow, Blob, SignatureRow, QuestionnaireRound, QuestionnaireMessage]
