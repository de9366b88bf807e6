using Fractal.Domain.Data;
using Fractal.FunctionApp.Data;
using Fractal.FunctionApp.Storage;

namespace Fractal.FunctionApp.Tests.Data;

/// <summary>Dataset records: updates never bring back a dataset that was deleted meanwhile.</summary>
public sealed class DatasetRepositoryTests
{
    private const string Session = "session-0001";
    private readonly DatasetRepository _repository = new(new InMemoryBlobStore());

    [Fact]
    public async Task UpdateAsync_ExistingRecord_SavesTheChange()
    {
        await _repository.SaveAsync(Session, Record("d1"), CancellationToken.None);

        var saved = await _repository.UpdateAsync(Session, "d1", r => r with { EtlState = EtlState.Success }, CancellationToken.None);

        Assert.Equal(EtlState.Success, saved!.EtlState);
        Assert.Equal(EtlState.Success, (await _repository.GetAsync(Session, "d1", CancellationToken.None))!.EtlState);
    }

    [Fact]
    public async Task UpdateAsync_DeletedRecord_ReturnsNullAndDoesNotRecreateIt()
    {
        await _repository.SaveAsync(Session, Record("d1"), CancellationToken.None);
        await _repository.DeleteAsync(Session, "d1", CancellationToken.None);

        var saved = await _repository.UpdateAsync(Session, "d1", r => r with { EtlState = EtlState.Success }, CancellationToken.None);

        Assert.Null(saved);
        Assert.Null(await _repository.GetAsync(Session, "d1", CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_RecordChangedWhileChanging_AppliesTheChangeToTheNewerRecord()
    {
        await _repository.SaveAsync(Session, Record("d1"), CancellationToken.None);
        var raced = false;

        await _repository.UpdateAsync(Session, "d1", r =>
        {
            if (!raced)
            {
                raced = true;
                _repository.SaveAsync(Session, r with { Label = "renamed" }, CancellationToken.None).GetAwaiter().GetResult();
            }

            return r with { EtlState = EtlState.Success };
        }, CancellationToken.None);
        var record = await _repository.GetAsync(Session, "d1", CancellationToken.None);

        Assert.Equal("renamed", record!.Label);
        Assert.Equal(EtlState.Success, record.EtlState);
    }

    private static DatasetRecord Record(string dataId) => new()
    {
        DataId = dataId,
        Label = "age",
        DataTypeName = "numerical",
        Handler = "demo",
        Descriptor = new Descriptor { Field = "age", DataTypeName = "numerical" },
    };
}
