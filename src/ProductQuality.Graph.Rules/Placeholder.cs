namespace ProductQuality.Graph.Rules;
