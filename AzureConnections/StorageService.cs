namespace Fractal.AzureConnections;

/// <summary>A service of a storage account.</summary>
public enum StorageService
{
    /// <summary>Blob storage.</summary>
    Blob,

    /// <summary>Queue storage.</summary>
    Queue,

    /// <summary>Table storage.</summary>
    Table,
}
