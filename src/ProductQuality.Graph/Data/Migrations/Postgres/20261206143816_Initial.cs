using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ProductQuality.Graph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLog",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Department = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Subject = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClientAddress = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OperationName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DocumentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    VariablesSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FieldGroups = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ErrorCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DurationMicroseconds = table.Column<long>(type: "bigint", nullable: false),
                    CodeCount = table.Column<int>(type: "integer", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLog", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "AccessLogCodeIndex",
                columns: table => new
                {
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    EntrySeq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogCodeIndex", x => new { x.CreditCode, x.EntrySeq });
                });

            migrationBuilder.CreateTable(
                name: "AccessLogCodeIndexMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    IndexedThroughSeq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogCodeIndexMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AccessLogCountyIndex",
                columns: table => new
                {
                    County = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    EntrySeq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogCountyIndex", x => new { x.County, x.EntrySeq });
                });

            migrationBuilder.CreateTable(
                name: "AccessLogHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogHeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChangeEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: true),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    ProductCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OldValue = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Correction = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DatabaseSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatabaseSecrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "EnterpriseTokenRevocations",
                columns: table => new
                {
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    NotBeforeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseTokenRevocations", x => x.CreditCode);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Department = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Operation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InputHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResultKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FactId = table.Column<long>(type: "bigint", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductCategories",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    NameConfirmed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductCategories", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CountyCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "RiskWarnings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Authority = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProductCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskWarnings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AccessLogCodes",
                columns: table => new
                {
                    EntrySeq = table.Column<long>(type: "bigint", nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogCodes", x => new { x.EntrySeq, x.CreditCode });
                    table.ForeignKey(
                        name: "FK_AccessLogCodes_AccessLog_EntrySeq",
                        column: x => x.EntrySeq,
                        principalTable: "AccessLog",
                        principalColumn: "Seq",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    NameConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    ForChildren = table.Column<bool>(type: "boolean", nullable: false),
                    ForElderly = table.Column<bool>(type: "boolean", nullable: false),
                    SafetyCritical = table.Column<bool>(type: "boolean", nullable: false),
                    FoodContact = table.Column<bool>(type: "boolean", nullable: false),
                    ProductionLicenceRequired = table.Column<bool>(type: "boolean", nullable: false),
                    CccRequired = table.Column<bool>(type: "boolean", nullable: false),
                    NationalGrade = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RiskScore = table.Column<double>(type: "double precision", nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OverrideRevision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Products_ProductCategories_CategoryCode",
                        column: x => x.CategoryCode,
                        principalTable: "ProductCategories",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Enterprises",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreditCode = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    TownCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Address = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LegalRepresentative = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Phone = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Traceability = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QualitySystem = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Class = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ClassEffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    HealthCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MapColour = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QualityIndex = table.Column<double>(type: "double precision", nullable: false),
                    HighestTier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IsBlacklisted = table.Column<bool>(type: "boolean", nullable: false),
                    BlacklistedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    IsAssured = table.Column<bool>(type: "boolean", nullable: false),
                    AssuredUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OverrideRevision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enterprises_Regions_CountyCode",
                        column: x => x.CountyCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Enterprises_Regions_TownCode",
                        column: x => x.TownCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegionAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Colour = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    QualityIndex = table.Column<double>(type: "double precision", nullable: false),
                    EnterpriseCount = table.Column<int>(type: "integer", nullable: false),
                    RedCount = table.Column<int>(type: "integer", nullable: false),
                    YellowCount = table.Column<int>(type: "integer", nullable: false),
                    BlueCount = table.Column<int>(type: "integer", nullable: false),
                    GreenCount = table.Column<int>(type: "integer", nullable: false),
                    ClassCCount = table.Column<int>(type: "integer", nullable: false),
                    Explanation = table.Column<string>(type: "text", nullable: false),
                    RulesVersion = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SupersededAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegionAssessments_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExternalRiskSignals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProductCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Hazard = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalRiskSignals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExternalRiskSignals_Products_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "Products",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductTierAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RiskScore = table.Column<double>(type: "double precision", nullable: false),
                    IsOverride = table.Column<bool>(type: "boolean", nullable: false),
                    OverrideExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Explanation = table.Column<string>(type: "text", nullable: false),
                    RulesVersion = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SupersededAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductTierAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductTierAssessments_Products_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "Products",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductTierOverrides",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductTierOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductTierOverrides_Products_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "Products",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssuredEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Explanation = table.Column<string>(type: "text", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SupersededAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssuredEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssuredEvents_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BlacklistEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReasonCategory = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Explanation = table.Column<string>(type: "text", nullable: true),
                    DecisionNumber = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Authority = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SupersededAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BlacklistEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BlacklistEvents_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClassOverrides",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    Class = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClassOverrides_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    FoundValidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProductCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Complaints_Products_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "Products",
                        principalColumn: "Code");
                });

            migrationBuilder.CreateTable(
                name: "CurrentExplanations",
                columns: table => new
                {
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClassExplanation = table.Column<string>(type: "text", nullable: false),
                    IndexExplanation = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CurrentExplanations", x => x.EnterpriseId);
                    table.ForeignKey(
                        name: "FK_CurrentExplanations_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnforcementDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Authority = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FineYuan = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnforcementDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnforcementDecisions_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnterpriseAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Class = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HealthCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MapColour = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QualityIndex = table.Column<double>(type: "double precision", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    IsOverride = table.Column<bool>(type: "boolean", nullable: false),
                    OverrideExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClassExplanation = table.Column<string>(type: "text", nullable: false),
                    IndexExplanation = table.Column<string>(type: "text", nullable: false),
                    RulesVersion = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SupersededAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnterpriseAssessments_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnterpriseProducts",
                columns: table => new
                {
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    ProductCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseProducts", x => new { x.EnterpriseId, x.ProductCode });
                    table.ForeignKey(
                        name: "FK_EnterpriseProducts_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EnterpriseProducts_Products_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "Products",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    ProductCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SampledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Batch = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SpecModel = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Lab = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReportNumber = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Authority = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    RectificationOrderedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Inspections_Products_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "Products",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Licences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    ProductCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Licences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Licences_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Licences_Products_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "Products",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ManagementRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Traceability = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QualitySystem = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagementRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManagementRecords_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionFailedItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InspectionId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    IsSafetyItem = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionFailedItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionFailedItems_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AccessLogCodeIndexMarks",
                columns: new[] { "Id", "IndexedThroughSeq" },
                values: new object[] { 1, 0L });

            migrationBuilder.InsertData(
                table: "AccessLogHeads",
                columns: new[] { "Id", "Hash", "Seq" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_AtUtc",
                table: "AccessLog",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_Department_AtUtc",
                table: "AccessLog",
                columns: new[] { "Department", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AssuredEvents_EnterpriseId_OccurredOn",
                table: "AssuredEvents",
                columns: new[] { "EnterpriseId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_BlacklistEvents_Authority_DecisionNumber",
                table: "BlacklistEvents",
                columns: new[] { "Authority", "DecisionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BlacklistEvents_EnterpriseId_OccurredOn",
                table: "BlacklistEvents",
                columns: new[] { "EnterpriseId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeEvents_CountyCode_Id",
                table: "ChangeEvents",
                columns: new[] { "CountyCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeEvents_Kind_Id",
                table: "ChangeEvents",
                columns: new[] { "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ClassOverrides_EnterpriseId_EffectiveFrom",
                table: "ClassOverrides",
                columns: new[] { "EnterpriseId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_EnterpriseId_FoundValidOn",
                table: "Complaints",
                columns: new[] { "EnterpriseId", "FoundValidOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ProductCode_FoundValidOn",
                table: "Complaints",
                columns: new[] { "ProductCode", "FoundValidOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementDecisions_Authority_DecisionNumber",
                table: "EnforcementDecisions",
                columns: new[] { "Authority", "DecisionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementDecisions_EnterpriseId_DecidedOn",
                table: "EnforcementDecisions",
                columns: new[] { "EnterpriseId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseAssessments_EnterpriseId_EffectiveFrom",
                table: "EnterpriseAssessments",
                columns: new[] { "EnterpriseId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseProducts_ProductCode_EnterpriseId",
                table: "EnterpriseProducts",
                columns: new[] { "ProductCode", "EnterpriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_Class_Id",
                table: "Enterprises",
                columns: new[] { "Class", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_CountyCode_Name_Id",
                table: "Enterprises",
                columns: new[] { "CountyCode", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_CreditCode",
                table: "Enterprises",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_IsAssured_Id",
                table: "Enterprises",
                columns: new[] { "IsAssured", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_IsBlacklisted_Id",
                table: "Enterprises",
                columns: new[] { "IsBlacklisted", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_MapColour_Id",
                table: "Enterprises",
                columns: new[] { "MapColour", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_Name_Id",
                table: "Enterprises",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_NextDueOn_Id",
                table: "Enterprises",
                columns: new[] { "NextDueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_QualityIndex_Id",
                table: "Enterprises",
                columns: new[] { "QualityIndex", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_RegionAggregate",
                table: "Enterprises",
                columns: new[] { "TownCode", "MapColour", "HighestTier", "QualityIndex", "Class" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_TownCode_Id",
                table: "Enterprises",
                columns: new[] { "TownCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalRiskSignals_ProductCode_PublishedOn",
                table: "ExternalRiskSignals",
                columns: new[] { "ProductCode", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalRiskSignals_Source_Reference",
                table: "ExternalRiskSignals",
                columns: new[] { "Source", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_Department_Key",
                table: "IdempotencyRecords",
                columns: new[] { "Department", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFailedItems_InspectionId",
                table: "InspectionFailedItems",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Authority_ReportNumber",
                table: "Inspections",
                columns: new[] { "Authority", "ReportNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_EnterpriseId_SampledOn",
                table: "Inspections",
                columns: new[] { "EnterpriseId", "SampledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ProductGrading",
                table: "Inspections",
                columns: new[] { "ProductCode", "SampledOn", "Passed" });

            migrationBuilder.CreateIndex(
                name: "IX_Licences_EnterpriseId",
                table: "Licences",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_Licences_ProductCode",
                table: "Licences",
                column: "ProductCode");

            migrationBuilder.CreateIndex(
                name: "IX_ManagementRecords_EnterpriseId_EffectiveFrom",
                table: "ManagementRecords",
                columns: new[] { "EnterpriseId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryCode",
                table: "Products",
                column: "CategoryCode");

            migrationBuilder.CreateIndex(
                name: "IX_Products_NextDueOn",
                table: "Products",
                column: "NextDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Products_Tier",
                table: "Products",
                column: "Tier");

            migrationBuilder.CreateIndex(
                name: "IX_ProductTierAssessments_ProductCode_EffectiveFrom",
                table: "ProductTierAssessments",
                columns: new[] { "ProductCode", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductTierOverrides_ProductCode_EffectiveFrom",
                table: "ProductTierOverrides",
                columns: new[] { "ProductCode", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_RegionAssessments_RegionCode_EffectiveFrom",
                table: "RegionAssessments",
                columns: new[] { "RegionCode", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Regions_ParentCode",
                table: "Regions",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_RiskWarnings_Authority_Number",
                table: "RiskWarnings",
                columns: new[] { "Authority", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskWarnings_IssuedOn",
                table: "RiskWarnings",
                column: "IssuedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLogCodeIndex");

            migrationBuilder.DropTable(
                name: "AccessLogCodeIndexMarks");

            migrationBuilder.DropTable(
                name: "AccessLogCodes");

            migrationBuilder.DropTable(
                name: "AccessLogCountyIndex");

            migrationBuilder.DropTable(
                name: "AccessLogHeads");

            migrationBuilder.DropTable(
                name: "AssuredEvents");

            migrationBuilder.DropTable(
                name: "BlacklistEvents");

            migrationBuilder.DropTable(
                name: "ChangeEvents");

            migrationBuilder.DropTable(
                name: "ClassOverrides");

            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "CurrentExplanations");

            migrationBuilder.DropTable(
                name: "DatabaseSecrets");

            migrationBuilder.DropTable(
                name: "EnforcementDecisions");

            migrationBuilder.DropTable(
                name: "EnterpriseAssessments");

            migrationBuilder.DropTable(
                name: "EnterpriseProducts");

            migrationBuilder.DropTable(
                name: "EnterpriseTokenRevocations");

            migrationBuilder.DropTable(
                name: "ExternalRiskSignals");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "InspectionFailedItems");

            migrationBuilder.DropTable(
                name: "Licences");

            migrationBuilder.DropTable(
                name: "ManagementRecords");

            migrationBuilder.DropTable(
                name: "ProductTierAssessments");

            migrationBuilder.DropTable(
                name: "ProductTierOverrides");

            migrationBuilder.DropTable(
                name: "RegionAssessments");

            migrationBuilder.DropTable(
                name: "RiskWarnings");

            migrationBuilder.DropTable(
                name: "AccessLog");

            migrationBuilder.DropTable(
                name: "Inspections");

            migrationBuilder.DropTable(
                name: "Enterprises");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "Regions");

            migrationBuilder.DropTable(
                name: "ProductCategories");
        }
    }
}
