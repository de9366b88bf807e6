// An example: copy it, set the origins, and give the secrets through the environment (deploy.sh reads them).
using 'main.bicep'

param namePrefix = 'fractal'
param instanceMemoryMB = 2048
param maximumInstanceCount = 40
param durablePartitionCount = 4
param corsAllowedOrigins = [
  'https://fractalis.example.org'
]
param fractalSecretKey = readEnvironmentVariable('FRACTAL_SECRET_KEY')
param rabbitMqUri = readEnvironmentVariable('FRACTAL_RABBITMQ_URI')
