// Generated from lib/mistral/specs/seed-openapi.yaml by scripts/gen-operations.ts (npm run gen). Do not edit.
export const operations = [
  {
    "id": "list_models_v1_models_get",
    "summary": "List Models",
    "method": "GET",
    "path": "/v1/models",
    "specPath": "/v1/models",
    "variant": null,
    "variantOf": null,
    "tag": "models",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "retrieve_model_v1_models__model_id__get",
    "summary": "Retrieve Model",
    "method": "GET",
    "path": "/v1/models/{model_id}",
    "specPath": "/v1/models/{model_id}",
    "variant": null,
    "variantOf": null,
    "tag": "models",
    "pathParams": [
      {
        "name": "model_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "delete_model_v1_models__model_id__delete",
    "summary": "Delete Model",
    "method": "DELETE",
    "path": "/v1/models/{model_id}",
    "specPath": "/v1/models/{model_id}",
    "variant": null,
    "variantOf": null,
    "tag": "models",
    "pathParams": [
      {
        "name": "model_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "files_api_routes_upload_file",
    "summary": "Upload File",
    "method": "POST",
    "path": "/v1/files",
    "specPath": "/v1/files",
    "variant": null,
    "variantOf": null,
    "tag": "files",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "multipart",
    "bodyRequired": true,
    "bodySchema": null,
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "files_api_routes_list_files",
    "summary": "List Files",
    "method": "GET",
    "path": "/v1/files",
    "specPath": "/v1/files",
    "variant": null,
    "variantOf": null,
    "tag": "files",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "files_api_routes_retrieve_file",
    "summary": "Retrieve File",
    "method": "GET",
    "path": "/v1/files/{file_id}",
    "specPath": "/v1/files/{file_id}",
    "variant": null,
    "variantOf": null,
    "tag": "files",
    "pathParams": [
      {
        "name": "file_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "files_api_routes_delete_file",
    "summary": "Delete File",
    "method": "DELETE",
    "path": "/v1/files/{file_id}",
    "specPath": "/v1/files/{file_id}",
    "variant": null,
    "variantOf": null,
    "tag": "files",
    "pathParams": [
      {
        "name": "file_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "jobs_api_routes_fine_tuning_get_fine_tuning_jobs",
    "summary": "Get Fine Tuning Jobs",
    "method": "GET",
    "path": "/v1/fine_tuning/jobs",
    "specPath": "/v1/fine_tuning/jobs",
    "variant": null,
    "variantOf": null,
    "tag": "fine-tuning",
    "pathParams": [],
    "query": [
      "page",
      "page_size",
      "model",
      "created_after",
      "created_by_me",
      "status",
      "wandb_project",
      "wandb_name",
      "suffix"
    ],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "jobs_api_routes_fine_tuning_create_fine_tuning_job",
    "summary": "Create Fine Tuning Job",
    "method": "POST",
    "path": "/v1/fine_tuning/jobs",
    "specPath": "/v1/fine_tuning/jobs",
    "variant": null,
    "variantOf": null,
    "tag": "fine-tuning",
    "pathParams": [],
    "query": [
      "dry_run"
    ],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "JobIn",
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "jobs_api_routes_fine_tuning_get_fine_tuning_job",
    "summary": "Get Fine Tuning Job",
    "method": "GET",
    "path": "/v1/fine_tuning/jobs/{job_id}",
    "specPath": "/v1/fine_tuning/jobs/{job_id}",
    "variant": null,
    "variantOf": null,
    "tag": "fine-tuning",
    "pathParams": [
      {
        "name": "job_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "jobs_api_routes_fine_tuning_cancel_fine_tuning_job",
    "summary": "Cancel Fine Tuning Job",
    "method": "POST",
    "path": "/v1/fine_tuning/jobs/{job_id}/cancel",
    "specPath": "/v1/fine_tuning/jobs/{job_id}/cancel",
    "variant": null,
    "variantOf": null,
    "tag": "fine-tuning",
    "pathParams": [
      {
        "name": "job_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "jobs_api_routes_fine_tuning_start_fine_tuning_job",
    "summary": "Start Fine Tuning Job",
    "method": "POST",
    "path": "/v1/fine_tuning/jobs/{job_id}/start",
    "specPath": "/v1/fine_tuning/jobs/{job_id}/start",
    "variant": null,
    "variantOf": null,
    "tag": "fine-tuning",
    "pathParams": [
      {
        "name": "job_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "jobs_api_routes_fine_tuning_update_fine_tuned_model",
    "summary": "Update Fine Tuned Model",
    "method": "PATCH",
    "path": "/v1/fine_tuning/models/{model_id}",
    "specPath": "/v1/fine_tuning/models/{model_id}",
    "variant": null,
    "variantOf": null,
    "tag": "models",
    "pathParams": [
      {
        "name": "model_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "UpdateFTModelIn",
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "jobs_api_routes_fine_tuning_archive_fine_tuned_model",
    "summary": "Archive Fine Tuned Model",
    "method": "POST",
    "path": "/v1/fine_tuning/models/{model_id}/archive",
    "specPath": "/v1/fine_tuning/models/{model_id}/archive",
    "variant": null,
    "variantOf": null,
    "tag": "models",
    "pathParams": [
      {
        "name": "model_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "jobs_api_routes_fine_tuning_unarchive_fine_tuned_model",
    "summary": "Unarchive Fine Tuned Model",
    "method": "DELETE",
    "path": "/v1/fine_tuning/models/{model_id}/archive",
    "specPath": "/v1/fine_tuning/models/{model_id}/archive",
    "variant": null,
    "variantOf": null,
    "tag": "models",
    "pathParams": [
      {
        "name": "model_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "chat_completion_v1_chat_completions_post",
    "summary": "Chat Completion",
    "method": "POST",
    "path": "/v1/chat/completions",
    "specPath": "/v1/chat/completions",
    "variant": null,
    "variantOf": null,
    "tag": "chat",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "ChatCompletionRequest",
    "responseKinds": [
      "json",
      "sse"
    ],
    "responseTypes": [
      "application/json",
      "text/event-stream"
    ],
    "stream": true,
    "spec": null
  },
  {
    "id": "fim_completion_v1_fim_completions_post",
    "summary": "Fim Completion",
    "method": "POST",
    "path": "/v1/fim/completions",
    "specPath": "/v1/fim/completions",
    "variant": null,
    "variantOf": null,
    "tag": "fim",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "FIMCompletionRequest",
    "responseKinds": [
      "json",
      "sse"
    ],
    "responseTypes": [
      "application/json",
      "text/event-stream"
    ],
    "stream": true,
    "spec": null
  },
  {
    "id": "agents_completion_v1_agents_completions_post",
    "summary": "Agents Completion",
    "method": "POST",
    "path": "/v1/agents/completions",
    "specPath": "/v1/agents/completions",
    "variant": null,
    "variantOf": null,
    "tag": "agents",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "AgentsCompletionRequest",
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": true,
    "spec": null
  },
  {
    "id": "embeddings_v1_embeddings_post",
    "summary": "Embeddings",
    "method": "POST",
    "path": "/v1/embeddings",
    "specPath": "/v1/embeddings",
    "variant": null,
    "variantOf": null,
    "tag": "embeddings",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "EmbeddingRequest",
    "responseKinds": [
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  }
] as const;
