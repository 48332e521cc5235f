using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Access;

/// <summary>
/// Composition of department access: the policy, the contracts, bearer-token validation (department and enterprise
/// tokens) and the audience resolver.
/// </summary>
public static class AccessRegistration
{
    public static IHostApplicationBuilder AddDepartmentAccess(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<AccessOptions>(AccessOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AccessOptions>, AccessPolicyValidation>();
        builder.Services.AddSingleton<IValidateOptions<AccessOptions>, EnterpriseTokens.EnterpriseTokenValidation>();
        builder.AddCheckedOptions<TokenOptions>(TokenOptions.Section).ValidateSettingAnnotations(TokenOptions.Section)
            .Validate(o => DevelopmentSigningKey.IsUsable(o.SigningKey), "Setting Auth:SigningKey is not allowed: it "
                + "must be base64 of at least 32 bytes (HMAC-SHA256), e.g. the output of 'openssl rand -base64 32'.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TokenOptions>, DevelopmentKeyFileValidation>();
        builder.Services.AddSingleton<IValidateOptions<TokenOptions>, AuthorityValidation>();
        builder.Services.AddSingleton<AccessPolicy>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<AccessPolicy>().Contracts);
        builder.Services.AddSingleton<DevelopmentSigningKey>();
        builder.Services.AddSingleton<DevelopmentTokenIssuer>();
        builder.Services.AddSingleton<ValidatedTokenCache>();
        builder.Services.AddSingleton<EnterpriseTokens.EnterpriseTokenKey>();
        builder.Services.AddSingleton<EnterpriseTokens.EnterpriseTokenIssuer>();
        builder.Services.AddSingleton<EnterpriseTokens.EnterpriseTokenValidator>();
        builder.Services.AddSingleton<IAudienceResolver, JwtAudienceResolver>();
        builder.Services.AddSingleton<IdentityProviderKeys>();
        builder.Services.AddHealthChecks().AddCheck<IdentityProviderCheck>(IdentityProviderCheck.Name,
            tags: [Operations.Health.HealthRegistration.ReadyTag]);

        // Tokens are checked where the audience is resolved (JwtAudienceResolver), which asks JwtBearer only when
        // its cache of validated tokens misses. As the only scheme, JwtBearer would become the default scheme, and
        // the authentication middleware would validate every request's token in full (signature, lifetime, claims)
        // before that. ASP.NET Core offers no option for this, only the switch (read when the options are made).
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        builder.Services.AddAuthentication().AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenOptions>, DevelopmentSigningKey>(
                (jwt, tokens, devKey) => Configure(jwt, tokens.Value, devKey));
        return builder;
    }

    private static void Configure(JwtBearerOptions jwt, TokenOptions tokens, DevelopmentSigningKey devKey)
    {
        jwt.MapInboundClaims = false;
        jwt.IncludeErrorDetails = true;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = tokens.Issuer,
            ValidAudience = tokens.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(tokens.ClockSkewSeconds),
        };

        if (tokens.IsDevelopmentMode)
        {
            jwt.TokenValidationParameters.IssuerSigningKey = devKey.Key;
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        else
        {
            jwt.Authority = tokens.Authority;
            jwt.BackchannelTimeout = IdentityProviderKeys.FetchTimeout;
            jwt.RefreshInterval = IdentityProviderKeys.RetryEvery;
            jwt.TokenValidationParameters.ValidAlgorithms = IdentityProviderKeys.AcceptedAlgorithms;
        }
    }
}
