using Microsoft.IO;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Audit.CodeIndex;
using ProductQuality.Graph.Audit.Retention;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Audit;

/// <summary>Composition of the access log: its settings, the chain store, the group-commit writer, the look-up by
/// code filled behind it, and retention
/// (the archiver and its daily service; verbs never start hosted services).</summary>
public static class AccessLogRegistration
{
    public static IHostApplicationBuilder AddAccessLog(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<AccessLogOptions>(AccessLogOptions.Section)
            .ValidateSettingAnnotations(AccessLogOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AccessLogOptions>, RetentionValidation>();
        builder.Services.AddSingleton<AccessLogStore>();
        builder.Services.AddSingleton<AccessLogWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AccessLogWriter>());
        builder.Services.AddSingleton<AccessLogCodeIndexer>();
        builder.Services.AddHostedService<AccessLogCodeIndexService>();
        builder.Services.AddSingleton<UnloggedWrites.UnloggedWriteRecovery>();
        builder.Services.AddHostedService<UnloggedWrites.UnloggedWriteRecoveryService>();
        builder.Services.AddSingleton<AccessLogging>();
        builder.Services.AddSingleton(AccessLogging.AnswerBuffers());
        builder.Services.AddSingleton<ChainVerifier>();
        builder.Services.AddSingleton<CheckpointSigner>();
        builder.Services.AddSingleton<AccessLogArchiver>();
        builder.Services.AddSingleton<ArchiveStatus>();
        builder.Services.AddHostedService<AccessLogArchiveService>();

        // Unready while requests cannot be logged; the health endpoints themselves are mapped with the others.
        builder.Services.AddHealthChecks().AddCheck<AccessLogHealthCheck>("access-log", tags: ["ready"])
            .AddCheck<ArchiveHealthCheck>(ArchiveHealthCheck.Name, tags: ["ready"]);
        return builder;
    }
}
