using ProductQuality.Graph.Access;
using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Receipts;
using ProductQuality.Graph.Regions;
using ProductQuality.Graph.Statistics;
using ProductQuality.Graph.Supervision;
using ProductQuality.Graph.Warnings;

namespace ProductQuality.Graph.Schema;

/// <summary>The root query: each feature folder adds its own root fields.</summary>
public sealed class QueryType : ContractObjectGraphType<object>
{
    public QueryType(SchemaContract contract)
        : base(contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Name = "Query";
        Description = "Read access to the product-quality data of Jiaxing's market supervision bureau (嘉兴市市场监督管理局).";
        if (contract.IsEnterpriseSelf)
        {
            // An enterprise token: its own tracker and status, whatever else its field groups would show.
            Audit.Tracker.TrackerQueries.AddSelfTo(this);
            return;
        }

        EnterpriseQueries.AddTo(this);
        EnterpriseStatusQueries.AddTo(this);
        ProductQueries.AddTo(this);
        RegionQueries.AddTo(this);
        FourColorMapQueries.AddTo(this);
        RegionColourShareQueries.AddTo(this);
        StatisticsQueries.AddTo(this);
        InspectionPlanQueries.AddTo(this);
        BlacklistQueries.AddTo(this);
        BlacklistCheckQueries.AddTo(this);
        ReceiptQueries.AddTo(this);
        AssuredQueries.AddTo(this);
        WarningQueries.AddTo(this);
        ChangeQueries.AddTo(this);
        Audit.AccessLogQueries.AddTo(this);
        Audit.Tracker.TrackerQueries.AddTo(this);
    }
}
