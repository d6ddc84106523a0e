// Generated from lib/mistral/openapi.yaml by scripts/gen-operations.ts. Do not edit.
export const operations = [
  {
    "id": "list_models_v1_models_get",
    "summary": "List Models",
    "method": "GET",
    "path": "/v1/models",
    "pathParams": [],
    "query": [],
    "body": "none",
    "bodySchema": null,
    "stream": false,
    "tag": "models"
  },
  {
    "id": "retrieve_model_v1_models__model_id__get",
    "summary": "Retrieve Model",
    "method": "GET",
    "path": "/v1/models/{model_id}",
    "pathParams": [
      {
        "name": "model_id",
        "format": null
      }
    ],
    "query": [],
    "body": "none",
    "bodySchema": null,
    "stream": false,
    "tag": "models"
  },
  {
    "id": "delete_model_v1_models__model_id__delete",
    "summary": "Delete Model",
    "method": "DELETE",
    "path": "/v1/models/{model_id}",
    "pathParams": [
      {
        "name": "model_id",
        "format": null
      }
    ],
    "query": [],
    "body": "none",
    "bodySchema": null,
    "stream": false,
    "tag": "models"
  },
  {
    "id": "files_api_routes_upload_file",
    "summary": "Upload File",
    "method": "POST",
    "path": "/v1/files",
    "pathParams": [],
    "query": [],
    "body": "multipart",
    "bodySchema": null,
    "stream": false,
    "tag": "files"
  },
  {
    "id": "files_api_routes_list_files",
    "summary": "List Files",
    "method": "GET",
    "path": "/v1/files",
    "pathParams": [],
    "query": [],
    "body": "none",
    "bodySchema": null,
    "stream": false,
    "tag": "files"
  },
  {
    "id": "files_api_routes_retrieve_file",
    "summary": "Retrieve File",
    "method": "GET",
    "path": "/v1/files/{file_id}",
    "pathParams": [
      {
        "name": "file_id",
        "format": null
      }
    ],
    "query": [],
    "body": "none",
    "bodySchema": null,
    "stream": false,
    "tag": "files"
  },
  {
    "id": "files_api_routes_delete_file",
    "summary": "Delete File",
    "method": "DELETE",
    "path": "/v1/files/{file_id}",
    "pathParams": [
      {
        "name": "file_id",
        "format": null
      }
    ],
    "query": [],
    "body": "none",
    "bodySchema": null,
    "stream": false,
    "tag": "files"
  },
  {
    "id": "jobs_api_routes_fine_tuning_get_fine_tuning_jobs",
    "summary": "Get Fine Tuning Jobs",
    "method": "GET",
    "path": "/v1/fine_tuning/jobs",
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
    "body": "none",
    "bodySchema": null,
    "stream": false,
    "tag": "fine-tuning"
  },
  {
    "id": "jobs_api_routes_fine_tuning_create_fine_tuning_job",
    "summary": "Create Fine Tuning Job",
    "method": "POST",
    "path": "/v1/fine_tuning/jobs",
    "pathParams": [],
    "query": [
      "dry_run"
    ],
    "body": "json",
    "bodySchema": "JobIn",
    "stream": false,
    "tag": "fine-tuning"
  },
  {
    "id": "jobs_api_routes_fine_tuning_get_fine_tuning_job",
    "summary": "Get Fine Tuning Job",
    "method": "GET",
    "path": "/v1/fine_tuning/jobs/{job_id}",
    "pathParams": [
      {
        "name": "job_id",
        "format": "uuid"
      }
    ],
    "query": [],
    "body": "none",
    "bodySchema": null,
    "stream": false,
    "tag": "fine-tuning"
  },
  {
    "id": "jobs_api_routes_fine_tuning_cancel_fine_tuning_job",
    "summary": "Cancel Fine Tuning Job",
    "method": "POST",
    "path": "/v1/fine_tuning/jobs/{job_id}/cancel",
    "pathParams": [
      {
        "name": "job_id",
        "format": "uuid"
      }
    ],
    "query": [],
    "body": "none",
    "bodySchema": null,
    "stream": false,
    "tag": "fine-tuning"
  },
  {
    "id": "jobs_api_routes_fine_tuning_start_fine_tuning_job",
    "summary": "Start Fine Tuning Job",
    "method": "POST",
    "path": "/v1/fine_tuning/jobs/{job_id}/start",
    "pathParams": [
      {
        "name": "job_id",
        "format": "uuid"
      }
    ],
    "query": [],
    "body": "none",
    "bodySchema": null,
    "stream": false,
    "tag": "fine-tuning"
  },
  {
    "id": "jobs_api_routes_fine_tuning_update_fine_tuned_model",
    "summary": "Update Fine Tuned Model",
    "method": "PATCH",
    "path": "/v1/fine_tuning/models/{model_id}",
    "pathParams": [
      {
        "name": "model_id",
        "format": null
      }
    ],
    "query": [],
    "body": "json",
    "bodySchema": "UpdateFTModelIn",
    "stream": false,
    "tag": "models"
  },
  {
    "id": "jobs_api_routes_fine_tuning_archive_fine_tuned_model",
    "summary": "Archive Fine Tuned Model",
    "method": "POST",
    "path": "/v1/fine_tuning/models/{model_id}/archive",
    "pathParams": [
      {
        "name": "model_id",
        "format": null
      }
    ],
    "query": [],
    "body": "none",
    "bodySchema": null,
    "stream": false,
    "tag": "models"
  },
  {
    "id": "jobs_api_routes_fine_tuning_unarchive_fine_tuned_model",
    "summary": "Unarchive Fine Tuned Model",
    "method": "DELETE",
    "path": "/v1/fine_tuning/models/{model_id}/archive",
    "pathParams": [
      {
        "name": "model_id",
        "format": null
      }
    ],
    "query": [],
    "body": "none",
    "bodySchema": null,
    "stream": false,
    "tag": "models"
  },
  {
    "id": "chat_completion_v1_chat_completions_post",
    "summary": "Chat Completion",
    "method": "POST",
    "path": "/v1/chat/completions",
    "pathParams": [],
    "query": [],
    "body": "json",
    "bodySchema": "ChatCompletionRequest",
    "stream": true,
    "tag": "chat"
  },
  {
    "id": "fim_completion_v1_fim_completions_post",
    "summary": "Fim Completion",
    "method": "POST",
    "path": "/v1/fim/completions",
    "pathParams": [],
    "query": [],
    "body": "json",
    "bodySchema": "FIMCompletionRequest",
    "stream": true,
    "tag": "fim"
  },
  {
    "id": "agents_completion_v1_agents_completions_post",
    "summary": "Agents Completion",
    "method": "POST",
    "path": "/v1/agents/completions",
    "pathParams": [],
    "query": [],
    "body": "json",
    "bodySchema": "AgentsCompletionRequest",
    "stream": true,
    "tag": "agents"
  },
  {
    "id": "embeddings_v1_embeddings_post",
    "summary": "Embeddings",
    "method": "POST",
    "path": "/v1/embeddings",
    "pathParams": [],
    "query": [],
    "body": "json",
    "bodySchema": "EmbeddingRequest",
    "stream": false,
    "tag": "embeddings"
  }
] as const;
