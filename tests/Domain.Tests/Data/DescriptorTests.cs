using Fractal.Domain.Data;

namespace Fractal.Domain.Tests.Data;

public sealed class DescriptorTests
{
    [Fact]
    public void Validate_NumericalWithField_HasNoErrors()
    {
        var descriptor = new Descriptor { Field = "age", DataTypeName = "numerical" };

        Assert.Empty(descriptor.Validate("descriptors[0]"));
    }

    [Fact]
    public void Validate_UnknownType_NamesDataTypeField()
    {
        var descriptor = new Descriptor { Field = "age", DataTypeName = "numeric" };

        var error = Assert.Single(descriptor.Validate("descriptors[1]"));

        Assert.Equal("descriptors[1].data_type", error.Field);
        Assert.Contains("numerical_array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CategoricalWithoutField_NamesField()
    {
        var descriptor = new Descriptor { DataTypeName = "categorical" };

        Assert.Equal("descriptors[0].field", Assert.Single(descriptor.Validate("descriptors[0]")).Field);
    }

    [Fact]
    public void Validate_NumericalArrayWithPrefix_HasNoErrors()
    {
        var descriptor = new Descriptor { FieldPrefix = "g_", DataTypeName = "numerical_array" };

        Assert.Empty(descriptor.Validate("d"));
    }

    [Fact]
    public void Validate_NumericalArrayWithoutFields_NamesFields()
    {
        var descriptor = new Descriptor { DataTypeName = "numerical_array", Fields = [] };

        Assert.Equal("d.fields", Assert.Single(descriptor.Validate("d")).Field);
    }

    [Fact]
    public void Validate_TimeToEventWithoutEventField_NamesEventField()
    {
        var descriptor = new Descriptor { DataTypeName = "time_to_event", TimeField = "os_months" };

        Assert.Equal("d.event_field", Assert.Single(descriptor.Validate("d")).Field);
    }

    [Fact]
    public void DisplayLabel_LabelUnset_FallsBackToField()
    {
        var descriptor = new Descriptor { Field = "bmi", DataTypeName = "numerical" };

        Assert.Equal("bmi", descriptor.DisplayLabel);
    }
}
