using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Products;

/// <summary>Root write field for product tier overrides.</summary>
public static class TierOverrideMutations
{
    public static void AddTo(MutationType mutation) =>
        mutation.AddWrite<OverrideProductTierInputType, OverrideProductTierPayloadType, OverrideProductTierInput>(new OverrideProductTier(),
            "Sets a product's risk tier by hand (人工调整分级) with reason and expiry, or withdraws the override (tier null). Tiers are city-wide: a county bureau gets OUT_OF_JURISDICTION. Optimistic concurrency as for class overrides (CONFLICT).");
}
