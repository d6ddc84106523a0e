// Generated from lib/mistral/openapi.gen.yaml by scripts/gen-operations.ts (npm run gen). Do not edit.
export const operations = [
  {
    "id": "prompts_list",
    "summary": "ListPrompts",
    "method": "GET",
    "path": "/v2/prompts",
    "specPath": "/v2/prompts",
    "variant": null,
    "variantOf": null,
    "tag": "beta.prompts",
    "pathParams": [],
    "query": [
      "pageSize",
      "pageToken",
      "alias",
      "fields",
      "sort.field",
      "sort.direction",
      "sort_by",
      "sort_direction"
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
    "id": "prompts_create",
    "summary": "CreatePrompt",
    "method": "POST",
    "path": "/v2/prompts",
    "specPath": "/v2/prompts",
    "variant": null,
    "variantOf": null,
    "tag": "beta.prompts",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "CreatePromptRequest",
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
    "id": "prompts_get",
    "summary": "GetPrompt",
    "method": "GET",
    "path": "/v2/prompts/{prompt_id}",
    "specPath": "/v2/prompts/{prompt_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.prompts",
    "pathParams": [
      {
        "name": "prompt_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "version",
      "alias",
      "fields"
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
    "id": "prompts_delete",
    "summary": "DeletePrompt",
    "method": "DELETE",
    "path": "/v2/prompts/{prompt_id}",
    "specPath": "/v2/prompts/{prompt_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.prompts",
    "pathParams": [
      {
        "name": "prompt_id",
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
    "id": "prompts_update",
    "summary": "UpdatePrompt",
    "method": "PATCH",
    "path": "/v2/prompts/{prompt_id}",
    "specPath": "/v2/prompts/{prompt_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.prompts",
    "pathParams": [
      {
        "name": "prompt_id",
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
    "id": "prompts_list_versions",
    "summary": "ListPromptVersions",
    "method": "GET",
    "path": "/v2/prompts/{prompt_id}/versions",
    "specPath": "/v2/prompts/{prompt_id}/versions",
    "variant": null,
    "variantOf": null,
    "tag": "beta.prompts",
    "pathParams": [
      {
        "name": "prompt_id",
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
    "id": "prompts_create_version",
    "summary": "CreatePromptVersion",
    "method": "POST",
    "path": "/v2/prompts/{prompt_id}/versions",
    "specPath": "/v2/prompts/{prompt_id}/versions",
    "variant": null,
    "variantOf": null,
    "tag": "beta.prompts",
    "pathParams": [
      {
        "name": "prompt_id",
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
    "id": "prompts_get_version",
    "summary": "GetPromptVersion",
    "method": "GET",
    "path": "/v2/prompts/{prompt_id}/versions/{version}",
    "specPath": "/v2/prompts/{prompt_id}/versions/{version}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.prompts",
    "pathParams": [
      {
        "name": "prompt_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      },
      {
        "name": "version",
        "type": "integer",
        "format": "int32",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "fields"
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
    "id": "prompts_update_version_metadata",
    "summary": "UpdatePromptVersionMetadata",
    "method": "PATCH",
    "path": "/v2/prompts/{prompt_id}/versions/{version}",
    "specPath": "/v2/prompts/{prompt_id}/versions/{version}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.prompts",
    "pathParams": [
      {
        "name": "prompt_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      },
      {
        "name": "version",
        "type": "integer",
        "format": "int32",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
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
    "id": "skills_list",
    "summary": "ListSkills",
    "method": "GET",
    "path": "/v2/skills",
    "specPath": "/v2/skills",
    "variant": null,
    "variantOf": null,
    "tag": "beta.skills",
    "pathParams": [],
    "query": [
      "pageSize",
      "pageToken",
      "alias",
      "fields",
      "sort.field",
      "sort.direction",
      "sort_by",
      "sort_direction"
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
    "id": "skills_create",
    "summary": "CreateSkill",
    "method": "POST",
    "path": "/v2/skills",
    "specPath": "/v2/skills",
    "variant": null,
    "variantOf": null,
    "tag": "beta.skills",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "CreateSkillRequest",
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
    "id": "skills_get",
    "summary": "GetSkill",
    "method": "GET",
    "path": "/v2/skills/{skill_id}",
    "specPath": "/v2/skills/{skill_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.skills",
    "pathParams": [
      {
        "name": "skill_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "version",
      "alias",
      "fields"
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
    "id": "skills_delete",
    "summary": "DeleteSkill",
    "method": "DELETE",
    "path": "/v2/skills/{skill_id}",
    "specPath": "/v2/skills/{skill_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.skills",
    "pathParams": [
      {
        "name": "skill_id",
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
    "id": "skills_update",
    "summary": "UpdateSkill",
    "method": "PATCH",
    "path": "/v2/skills/{skill_id}",
    "specPath": "/v2/skills/{skill_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.skills",
    "pathParams": [
      {
        "name": "skill_id",
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
    "id": "skills_list_versions",
    "summary": "ListSkillVersions",
    "method": "GET",
    "path": "/v2/skills/{skill_id}/versions",
    "specPath": "/v2/skills/{skill_id}/versions",
    "variant": null,
    "variantOf": null,
    "tag": "beta.skills",
    "pathParams": [
      {
        "name": "skill_id",
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
    "id": "skills_create_version",
    "summary": "CreateSkillVersion",
    "method": "POST",
    "path": "/v2/skills/{skill_id}/versions",
    "specPath": "/v2/skills/{skill_id}/versions",
    "variant": null,
    "variantOf": null,
    "tag": "beta.skills",
    "pathParams": [
      {
        "name": "skill_id",
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
    "id": "skills_get_version",
    "summary": "GetSkillVersion",
    "method": "GET",
    "path": "/v2/skills/{skill_id}/versions/{version}",
    "specPath": "/v2/skills/{skill_id}/versions/{version}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.skills",
    "pathParams": [
      {
        "name": "skill_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      },
      {
        "name": "version",
        "type": "integer",
        "format": "int32",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "fields"
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
    "id": "skills_update_version_metadata",
    "summary": "UpdateSkillVersionMetadata",
    "method": "PATCH",
    "path": "/v2/skills/{skill_id}/versions/{version}",
    "specPath": "/v2/skills/{skill_id}/versions/{version}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.skills",
    "pathParams": [
      {
        "name": "skill_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      },
      {
        "name": "version",
        "type": "integer",
        "format": "int32",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
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
    "id": "speech_v1_audio_speech_post",
    "summary": "Speech",
    "method": "POST",
    "path": "/v1/audio/speech",
    "specPath": "/v1/audio/speech",
    "variant": null,
    "variantOf": null,
    "tag": "audio.speech",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "SpeechRequest",
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
    "id": "list_models_v1_models_get",
    "summary": "List Models",
    "method": "GET",
    "path": "/v1/models",
    "specPath": "/v1/models",
    "variant": null,
    "variantOf": null,
    "tag": "models",
    "pathParams": [],
    "query": [
      "provider",
      "model"
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
    "id": "agents_api_v1_conversations_start",
    "summary": "Create a conversation and append entries to it.",
    "method": "POST",
    "path": "/v1/conversations",
    "specPath": "/v1/conversations",
    "variant": null,
    "variantOf": null,
    "tag": "beta.conversations",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "ConversationRequest",
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
    "id": "agents_api_v1_conversations_list",
    "summary": "List all created conversations.",
    "method": "GET",
    "path": "/v1/conversations",
    "specPath": "/v1/conversations",
    "variant": null,
    "variantOf": null,
    "tag": "beta.conversations",
    "pathParams": [],
    "query": [
      "page",
      "page_size",
      "metadata"
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
    "id": "agents_api_v1_conversations_get",
    "summary": "Retrieve a conversation information.",
    "method": "GET",
    "path": "/v1/conversations/{conversation_id}",
    "specPath": "/v1/conversations/{conversation_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.conversations",
    "pathParams": [
      {
        "name": "conversation_id",
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
    "id": "agents_api_v1_conversations_delete",
    "summary": "Delete a conversation.",
    "method": "DELETE",
    "path": "/v1/conversations/{conversation_id}",
    "specPath": "/v1/conversations/{conversation_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.conversations",
    "pathParams": [
      {
        "name": "conversation_id",
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
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "agents_api_v1_conversations_append",
    "summary": "Append new entries to an existing conversation.",
    "method": "POST",
    "path": "/v1/conversations/{conversation_id}",
    "specPath": "/v1/conversations/{conversation_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.conversations",
    "pathParams": [
      {
        "name": "conversation_id",
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
    "bodySchema": "ConversationAppendRequest",
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
    "id": "agents_api_v1_conversations_history",
    "summary": "Retrieve all entries in a conversation.",
    "method": "GET",
    "path": "/v1/conversations/{conversation_id}/history",
    "specPath": "/v1/conversations/{conversation_id}/history",
    "variant": null,
    "variantOf": null,
    "tag": "beta.conversations",
    "pathParams": [
      {
        "name": "conversation_id",
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
    "id": "agents_api_v1_conversations_messages",
    "summary": "Retrieve all messages in a conversation.",
    "method": "GET",
    "path": "/v1/conversations/{conversation_id}/messages",
    "specPath": "/v1/conversations/{conversation_id}/messages",
    "variant": null,
    "variantOf": null,
    "tag": "beta.conversations",
    "pathParams": [
      {
        "name": "conversation_id",
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
    "id": "agents_api_v1_conversations_restart",
    "summary": "Restart a conversation starting from a given entry.",
    "method": "POST",
    "path": "/v1/conversations/{conversation_id}/restart",
    "specPath": "/v1/conversations/{conversation_id}/restart",
    "variant": null,
    "variantOf": null,
    "tag": "beta.conversations",
    "pathParams": [
      {
        "name": "conversation_id",
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
    "bodySchema": "ConversationRestartRequest",
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
    "id": "agents_api_v1_agents_create",
    "summary": "Create a agent that can be used within a conversation.",
    "method": "POST",
    "path": "/v1/agents",
    "specPath": "/v1/agents",
    "variant": null,
    "variantOf": null,
    "tag": "beta.agents",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "CreateAgentRequest",
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
    "id": "agents_api_v1_agents_list",
    "summary": "List agent entities.",
    "method": "GET",
    "path": "/v1/agents",
    "specPath": "/v1/agents",
    "variant": null,
    "variantOf": null,
    "tag": "beta.agents",
    "pathParams": [],
    "query": [
      "page",
      "page_size",
      "deployment_chat",
      "sources",
      "name",
      "search",
      "id",
      "metadata"
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
    "id": "agents_api_v1_agents_list_pages",
    "summary": "List agent entities, cursor-paginated.",
    "method": "GET",
    "path": "/v1/agents/pages",
    "specPath": "/v1/agents/pages",
    "variant": null,
    "variantOf": null,
    "tag": "beta.agents",
    "pathParams": [],
    "query": [
      "page_size",
      "deployment_chat",
      "sources",
      "name",
      "search",
      "id",
      "metadata",
      "page_token"
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
    "id": "agents_api_v1_agents_get",
    "summary": "Retrieve an agent entity.",
    "method": "GET",
    "path": "/v1/agents/{agent_id}",
    "specPath": "/v1/agents/{agent_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.agents",
    "pathParams": [
      {
        "name": "agent_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "agent_version"
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
    "id": "agents_api_v1_agents_update",
    "summary": "Update an agent entity.",
    "method": "PATCH",
    "path": "/v1/agents/{agent_id}",
    "specPath": "/v1/agents/{agent_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.agents",
    "pathParams": [
      {
        "name": "agent_id",
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
    "bodySchema": "UpdateAgentRequest",
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
    "id": "agents_api_v1_agents_delete",
    "summary": "Delete an agent entity.",
    "method": "DELETE",
    "path": "/v1/agents/{agent_id}",
    "specPath": "/v1/agents/{agent_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.agents",
    "pathParams": [
      {
        "name": "agent_id",
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
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "agents_api_v1_agents_update_version",
    "summary": "Update an agent version.",
    "method": "PATCH",
    "path": "/v1/agents/{agent_id}/version",
    "specPath": "/v1/agents/{agent_id}/version",
    "variant": null,
    "variantOf": null,
    "tag": "beta.agents",
    "pathParams": [
      {
        "name": "agent_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "version"
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
    "id": "agents_api_v1_agents_list_versions",
    "summary": "List all versions of an agent.",
    "method": "GET",
    "path": "/v1/agents/{agent_id}/versions",
    "specPath": "/v1/agents/{agent_id}/versions",
    "variant": null,
    "variantOf": null,
    "tag": "beta.agents",
    "pathParams": [
      {
        "name": "agent_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "page",
      "page_size"
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
    "id": "agents_api_v1_agents_get_version",
    "summary": "Retrieve a specific version of an agent.",
    "method": "GET",
    "path": "/v1/agents/{agent_id}/versions/{version}",
    "specPath": "/v1/agents/{agent_id}/versions/{version}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.agents",
    "pathParams": [
      {
        "name": "agent_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      },
      {
        "name": "version",
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
    "id": "agents_api_v1_agents_create_or_update_alias",
    "summary": "Create or update an agent version alias.",
    "method": "PUT",
    "path": "/v1/agents/{agent_id}/aliases",
    "specPath": "/v1/agents/{agent_id}/aliases",
    "variant": null,
    "variantOf": null,
    "tag": "beta.agents",
    "pathParams": [
      {
        "name": "agent_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "alias",
      "version"
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
    "id": "agents_api_v1_agents_list_version_aliases",
    "summary": "List all aliases for an agent.",
    "method": "GET",
    "path": "/v1/agents/{agent_id}/aliases",
    "specPath": "/v1/agents/{agent_id}/aliases",
    "variant": null,
    "variantOf": null,
    "tag": "beta.agents",
    "pathParams": [
      {
        "name": "agent_id",
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
    "id": "agents_api_v1_agents_delete_alias",
    "summary": "Delete an agent version alias.",
    "method": "DELETE",
    "path": "/v1/agents/{agent_id}/aliases",
    "specPath": "/v1/agents/{agent_id}/aliases",
    "variant": null,
    "variantOf": null,
    "tag": "beta.agents",
    "pathParams": [
      {
        "name": "agent_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "alias"
    ],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "agents_api_v1_conversations_start_stream",
    "summary": "Create a conversation and append entries to it.",
    "method": "POST",
    "path": "/v1/conversations",
    "specPath": "/v1/conversations#stream",
    "variant": "stream",
    "variantOf": "agents_api_v1_conversations_start",
    "tag": "beta.conversations",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "ConversationStreamRequest",
    "responseKinds": [
      "sse"
    ],
    "responseTypes": [
      "text/event-stream"
    ],
    "stream": true,
    "spec": null
  },
  {
    "id": "agents_api_v1_conversations_append_stream",
    "summary": "Append new entries to an existing conversation.",
    "method": "POST",
    "path": "/v1/conversations/{conversation_id}",
    "specPath": "/v1/conversations/{conversation_id}#stream",
    "variant": "stream",
    "variantOf": "agents_api_v1_conversations_append",
    "tag": "beta.conversations",
    "pathParams": [
      {
        "name": "conversation_id",
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
    "bodySchema": "ConversationAppendStreamRequest",
    "responseKinds": [
      "sse"
    ],
    "responseTypes": [
      "text/event-stream"
    ],
    "stream": true,
    "spec": null
  },
  {
    "id": "agents_api_v1_conversations_restart_stream",
    "summary": "Restart a conversation starting from a given entry.",
    "method": "POST",
    "path": "/v1/conversations/{conversation_id}/restart",
    "specPath": "/v1/conversations/{conversation_id}/restart#stream",
    "variant": "stream",
    "variantOf": "agents_api_v1_conversations_restart",
    "tag": "beta.conversations",
    "pathParams": [
      {
        "name": "conversation_id",
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
    "bodySchema": "ConversationRestartStreamRequest",
    "responseKinds": [
      "sse"
    ],
    "responseTypes": [
      "text/event-stream"
    ],
    "stream": true,
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
    "query": [
      "page",
      "page_size",
      "include_total",
      "sample_type",
      "source",
      "search",
      "purpose",
      "mimetypes"
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
    "id": "files_api_routes_download_file",
    "summary": "Download File",
    "method": "GET",
    "path": "/v1/files/{file_id}/content",
    "specPath": "/v1/files/{file_id}/content",
    "variant": null,
    "variantOf": null,
    "tag": "files",
    "pathParams": [
      {
        "name": "file_id",
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
      "binary"
    ],
    "responseTypes": [
      "application/octet-stream"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "files_api_routes_get_signed_url",
    "summary": "Get Signed Url",
    "method": "GET",
    "path": "/v1/files/{file_id}/url",
    "specPath": "/v1/files/{file_id}/url",
    "variant": null,
    "variantOf": null,
    "tag": "files",
    "pathParams": [
      {
        "name": "file_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "expiry"
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
    "bodySchema": "UpdateModelRequest",
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
    "id": "jobs_api_routes_batch_get_batch_jobs",
    "summary": "Get Batch Jobs",
    "method": "GET",
    "path": "/v1/batch/jobs",
    "specPath": "/v1/batch/jobs",
    "variant": null,
    "variantOf": null,
    "tag": "batch",
    "pathParams": [],
    "query": [
      "page",
      "page_size",
      "model",
      "agent_id",
      "metadata",
      "created_after",
      "created_by_me",
      "status",
      "order_by"
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
    "id": "jobs_api_routes_batch_create_batch_job",
    "summary": "Create Batch Job",
    "method": "POST",
    "path": "/v1/batch/jobs",
    "specPath": "/v1/batch/jobs",
    "variant": null,
    "variantOf": null,
    "tag": "batch",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "CreateBatchJobRequest",
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
    "id": "jobs_api_routes_batch_get_batch_job",
    "summary": "Get Batch Job",
    "method": "GET",
    "path": "/v1/batch/jobs/{job_id}",
    "specPath": "/v1/batch/jobs/{job_id}",
    "variant": null,
    "variantOf": null,
    "tag": "batch",
    "pathParams": [
      {
        "name": "job_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "inline"
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
    "id": "jobs_api_routes_batch_delete_batch_job",
    "summary": "Delete Batch Job",
    "method": "DELETE",
    "path": "/v1/batch/jobs/{job_id}",
    "specPath": "/v1/batch/jobs/{job_id}",
    "variant": null,
    "variantOf": null,
    "tag": "batch",
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
    "id": "jobs_api_routes_batch_cancel_batch_job",
    "summary": "Cancel Batch Job",
    "method": "POST",
    "path": "/v1/batch/jobs/{job_id}/cancel",
    "specPath": "/v1/batch/jobs/{job_id}/cancel",
    "variant": null,
    "variantOf": null,
    "tag": "batch",
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
  },
  {
    "id": "moderations_v1_moderations_post",
    "summary": "Moderations",
    "method": "POST",
    "path": "/v1/moderations",
    "specPath": "/v1/moderations",
    "variant": null,
    "variantOf": null,
    "tag": "classifiers",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "ClassificationRequest",
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
    "id": "chat_moderations_v1_chat_moderations_post",
    "summary": "Chat Moderations",
    "method": "POST",
    "path": "/v1/chat/moderations",
    "specPath": "/v1/chat/moderations",
    "variant": null,
    "variantOf": null,
    "tag": "classifiers",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "ChatModerationRequest",
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
    "id": "ocr_v1_ocr_post",
    "summary": "OCR",
    "method": "POST",
    "path": "/v1/ocr",
    "specPath": "/v1/ocr",
    "variant": null,
    "variantOf": null,
    "tag": "ocr",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "OCRRequest",
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
    "id": "classifications_v1_classifications_post",
    "summary": "Classifications",
    "method": "POST",
    "path": "/v1/classifications",
    "specPath": "/v1/classifications",
    "variant": null,
    "variantOf": null,
    "tag": "classifiers",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "ClassificationRequest",
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
    "id": "chat_classifications_v1_chat_classifications_post",
    "summary": "Chat Classifications",
    "method": "POST",
    "path": "/v1/chat/classifications",
    "specPath": "/v1/chat/classifications",
    "variant": null,
    "variantOf": null,
    "tag": "classifiers",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "ChatClassificationRequest",
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
    "id": "audio_api_v1_transcriptions_post",
    "summary": "Create Transcription",
    "method": "POST",
    "path": "/v1/audio/transcriptions",
    "specPath": "/v1/audio/transcriptions",
    "variant": null,
    "variantOf": null,
    "tag": "audio.transcriptions",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "multipart",
    "bodyRequired": true,
    "bodySchema": "AudioTranscriptionRequest",
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
    "id": "audio_api_v1_transcriptions_post_stream",
    "summary": "Create Streaming Transcription (SSE)",
    "method": "POST",
    "path": "/v1/audio/transcriptions",
    "specPath": "/v1/audio/transcriptions#stream",
    "variant": "stream",
    "variantOf": "audio_api_v1_transcriptions_post",
    "tag": "audio.transcriptions",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "multipart",
    "bodyRequired": true,
    "bodySchema": "AudioTranscriptionRequestStream",
    "responseKinds": [
      "sse"
    ],
    "responseTypes": [
      "text/event-stream"
    ],
    "stream": true,
    "spec": null
  },
  {
    "id": "libraries_list_v1",
    "summary": "List all libraries you have access to.",
    "method": "GET",
    "path": "/v1/libraries",
    "specPath": "/v1/libraries",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries",
    "pathParams": [],
    "query": [
      "page_size",
      "page_token",
      "page",
      "search",
      "filter_owned_by_me"
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
    "id": "libraries_create_v1",
    "summary": "Create a new Library.",
    "method": "POST",
    "path": "/v1/libraries",
    "specPath": "/v1/libraries",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "CreateLibraryRequest",
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
    "id": "libraries_get_v1",
    "summary": "Detailed information about a specific Library.",
    "method": "GET",
    "path": "/v1/libraries/{library_id}",
    "specPath": "/v1/libraries/{library_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries",
    "pathParams": [
      {
        "name": "library_id",
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
    "id": "libraries_delete_v1",
    "summary": "Delete a library and all of it's document.",
    "method": "DELETE",
    "path": "/v1/libraries/{library_id}",
    "specPath": "/v1/libraries/{library_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries",
    "pathParams": [
      {
        "name": "library_id",
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
      "empty",
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "libraries_patch_v1",
    "summary": "Update a library.",
    "method": "PATCH",
    "path": "/v1/libraries/{library_id}",
    "specPath": "/v1/libraries/{library_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "UpdateLibraryRequest",
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
    "id": "libraries_update_v1",
    "summary": "Update a library.",
    "method": "PUT",
    "path": "/v1/libraries/{library_id}",
    "specPath": "/v1/libraries/{library_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "UpdateLibraryRequest",
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
    "id": "libraries_documents_list_v1",
    "summary": "List documents in a given library.",
    "method": "GET",
    "path": "/v1/libraries/{library_id}/documents",
    "specPath": "/v1/libraries/{library_id}/documents",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.documents",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "search",
      "page_size",
      "page",
      "filters_attributes",
      "sort_by",
      "sort_order"
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
    "id": "libraries_documents_upload_v1",
    "summary": "Upload a new document.",
    "method": "POST",
    "path": "/v1/libraries/{library_id}/documents",
    "specPath": "/v1/libraries/{library_id}/documents",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.documents",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
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
    "id": "libraries_documents_get_v1",
    "summary": "Retrieve the metadata of a specific document.",
    "method": "GET",
    "path": "/v1/libraries/{library_id}/documents/{document_id}",
    "specPath": "/v1/libraries/{library_id}/documents/{document_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.documents",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "document_id",
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
    "id": "libraries_documents_patch_v1",
    "summary": "Update the metadata of a specific document.",
    "method": "PATCH",
    "path": "/v1/libraries/{library_id}/documents/{document_id}",
    "specPath": "/v1/libraries/{library_id}/documents/{document_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.documents",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "document_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "UpdateDocumentRequest",
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
    "id": "libraries_documents_update_v1",
    "summary": "Update the metadata of a specific document.",
    "method": "PUT",
    "path": "/v1/libraries/{library_id}/documents/{document_id}",
    "specPath": "/v1/libraries/{library_id}/documents/{document_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.documents",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "document_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "UpdateDocumentRequest",
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
    "id": "libraries_documents_delete_v1",
    "summary": "Delete a document.",
    "method": "DELETE",
    "path": "/v1/libraries/{library_id}/documents/{document_id}",
    "specPath": "/v1/libraries/{library_id}/documents/{document_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.documents",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "document_id",
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
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "libraries_documents_get_text_content_v1",
    "summary": "Retrieve the text content of a specific document.",
    "method": "GET",
    "path": "/v1/libraries/{library_id}/documents/{document_id}/text_content",
    "specPath": "/v1/libraries/{library_id}/documents/{document_id}/text_content",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.documents",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "document_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "page_start",
      "page_end"
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
    "id": "libraries_documents_get_status_v1",
    "summary": "Retrieve the processing status of a specific document.",
    "method": "GET",
    "path": "/v1/libraries/{library_id}/documents/{document_id}/status",
    "specPath": "/v1/libraries/{library_id}/documents/{document_id}/status",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.documents",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "document_id",
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
    "id": "libraries_documents_get_signed_url_v1",
    "summary": "Retrieve the signed URL of a specific document.",
    "method": "GET",
    "path": "/v1/libraries/{library_id}/documents/{document_id}/signed-url",
    "specPath": "/v1/libraries/{library_id}/documents/{document_id}/signed-url",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.documents",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "document_id",
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
    "id": "libraries_documents_get_extracted_text_signed_url_v1",
    "summary": "Retrieve the signed URL of text extracted from a given document.",
    "method": "GET",
    "path": "/v1/libraries/{library_id}/documents/{document_id}/extracted-text-signed-url",
    "specPath": "/v1/libraries/{library_id}/documents/{document_id}/extracted-text-signed-url",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.documents",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "document_id",
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
    "id": "libraries_documents_reprocess_v1",
    "summary": "Reprocess a document.",
    "method": "POST",
    "path": "/v1/libraries/{library_id}/documents/{document_id}/reprocess",
    "specPath": "/v1/libraries/{library_id}/documents/{document_id}/reprocess",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.documents",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "document_id",
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
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "libraries_share_list_v1",
    "summary": "List all of the access to this library.",
    "method": "GET",
    "path": "/v1/libraries/{library_id}/share",
    "specPath": "/v1/libraries/{library_id}/share",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.accesses",
    "pathParams": [
      {
        "name": "library_id",
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
    "id": "libraries_share_create_v1",
    "summary": "Create or update an access level.",
    "method": "PUT",
    "path": "/v1/libraries/{library_id}/share",
    "specPath": "/v1/libraries/{library_id}/share",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.accesses",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "SharingRequest",
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
    "id": "libraries_share_delete_v1",
    "summary": "Delete an access level.",
    "method": "DELETE",
    "path": "/v1/libraries/{library_id}/share",
    "specPath": "/v1/libraries/{library_id}/share",
    "variant": null,
    "variantOf": null,
    "tag": "beta.libraries.accesses",
    "pathParams": [
      {
        "name": "library_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "SharingDelete",
    "responseKinds": [
      "empty",
      "json"
    ],
    "responseTypes": [
      "application/json"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "get_chat_completion_events_v1_observability_chat_completion_events_search_post",
    "summary": "Get Chat Completion Events",
    "method": "POST",
    "path": "/v1/observability/chat-completion-events/search",
    "specPath": "/v1/observability/chat-completion-events/search",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.chat_completion_events",
    "pathParams": [],
    "query": [
      "page_size",
      "cursor"
    ],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "SearchChatCompletionEventsRequest",
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
    "id": "get_chat_completion_event_ids_v1_observability_chat_completion_events_search_ids_post",
    "summary": "Alternative to /search that returns only the IDs and that can return many IDs at once",
    "method": "POST",
    "path": "/v1/observability/chat-completion-events/search-ids",
    "specPath": "/v1/observability/chat-completion-events/search-ids",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.chat_completion_events",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "SearchChatCompletionEventIdsRequest",
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
    "id": "get_chat_completion_event_v1_observability_chat_completion_events__event_id__get",
    "summary": "Get Chat Completion Event",
    "method": "GET",
    "path": "/v1/observability/chat-completion-events/{event_id}",
    "specPath": "/v1/observability/chat-completion-events/{event_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.chat_completion_events",
    "pathParams": [
      {
        "name": "event_id",
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
    "id": "get_similar_chat_completion_events_v1_observability_chat_completion_events__event_id__similar_events_get",
    "summary": "Get Similar Chat Completion Events",
    "method": "GET",
    "path": "/v1/observability/chat-completion-events/{event_id}/similar-events",
    "specPath": "/v1/observability/chat-completion-events/{event_id}/similar-events",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.chat_completion_events",
    "pathParams": [
      {
        "name": "event_id",
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
    "id": "get_chat_completion_fields_v1_observability_chat_completion_fields_get",
    "summary": "Get Chat Completion Fields",
    "method": "GET",
    "path": "/v1/observability/chat-completion-fields",
    "specPath": "/v1/observability/chat-completion-fields",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.chat_completion_events.fields",
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
    "id": "get_chat_completion_field_options_v1_observability_chat_completion_fields__field_name__options_get",
    "summary": "Get Chat Completion Field Options",
    "method": "GET",
    "path": "/v1/observability/chat-completion-fields/{field_name}/options",
    "specPath": "/v1/observability/chat-completion-fields/{field_name}/options",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.chat_completion_events.fields",
    "pathParams": [
      {
        "name": "field_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "operator"
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
    "id": "get_chat_completion_field_options_counts_v1_observability_chat_completion_fields__field_name__options_counts_post",
    "summary": "Get Chat Completion Field Options Counts",
    "method": "POST",
    "path": "/v1/observability/chat-completion-fields/{field_name}/options-counts",
    "specPath": "/v1/observability/chat-completion-fields/{field_name}/options-counts",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.chat_completion_events.fields",
    "pathParams": [
      {
        "name": "field_name",
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
    "bodySchema": "FetchFieldOptionCountsRequest",
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
    "id": "judge_chat_completion_event_v1_observability_chat_completion_events__event_id__live_judging_post",
    "summary": "Run Judge on an event based on the given options",
    "method": "POST",
    "path": "/v1/observability/chat-completion-events/{event_id}/live-judging",
    "specPath": "/v1/observability/chat-completion-events/{event_id}/live-judging",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.chat_completion_events",
    "pathParams": [
      {
        "name": "event_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "JudgeChatCompletionEventRequest",
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
    "id": "create_judge_v1_observability_judges_post",
    "summary": "Create a new judge",
    "method": "POST",
    "path": "/v1/observability/judges",
    "specPath": "/v1/observability/judges",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.judges",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "CreateJudgeRequest",
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
    "id": "get_judges_v1_observability_judges_get",
    "summary": "Get judges with optional filtering and search",
    "method": "GET",
    "path": "/v1/observability/judges",
    "specPath": "/v1/observability/judges",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.judges",
    "pathParams": [],
    "query": [
      "type_filter",
      "model_filter",
      "page_size",
      "page",
      "q"
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
    "id": "get_judge_by_id_v1_observability_judges__judge_id__get",
    "summary": "Get judge by id",
    "method": "GET",
    "path": "/v1/observability/judges/{judge_id}",
    "specPath": "/v1/observability/judges/{judge_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.judges",
    "pathParams": [
      {
        "name": "judge_id",
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
    "id": "delete_judge_v1_observability_judges__judge_id__delete",
    "summary": "Delete a judge",
    "method": "DELETE",
    "path": "/v1/observability/judges/{judge_id}",
    "specPath": "/v1/observability/judges/{judge_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.judges",
    "pathParams": [
      {
        "name": "judge_id",
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
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "update_judge_v1_observability_judges__judge_id__put",
    "summary": "Update a judge",
    "method": "PUT",
    "path": "/v1/observability/judges/{judge_id}",
    "specPath": "/v1/observability/judges/{judge_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.judges",
    "pathParams": [
      {
        "name": "judge_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "UpdateJudgeRequest",
    "responseKinds": [
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "judge_conversation_v1_observability_judges__judge_id__live_judging_post",
    "summary": "Run a saved judge on a conversation",
    "method": "POST",
    "path": "/v1/observability/judges/{judge_id}/live-judging",
    "specPath": "/v1/observability/judges/{judge_id}/live-judging",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.judges",
    "pathParams": [
      {
        "name": "judge_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "JudgeConversationRequest",
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
    "id": "create_campaign_v1_observability_campaigns_post",
    "summary": "Create and start a new campaign",
    "method": "POST",
    "path": "/v1/observability/campaigns",
    "specPath": "/v1/observability/campaigns",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.campaigns",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "CreateCampaignRequest",
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
    "id": "get_campaigns_v1_observability_campaigns_get",
    "summary": "Get all campaigns",
    "method": "GET",
    "path": "/v1/observability/campaigns",
    "specPath": "/v1/observability/campaigns",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.campaigns",
    "pathParams": [],
    "query": [
      "page_size",
      "page",
      "q"
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
    "id": "get_campaign_by_id_v1_observability_campaigns__campaign_id__get",
    "summary": "Get campaign by id",
    "method": "GET",
    "path": "/v1/observability/campaigns/{campaign_id}",
    "specPath": "/v1/observability/campaigns/{campaign_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.campaigns",
    "pathParams": [
      {
        "name": "campaign_id",
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
    "id": "delete_campaign_v1_observability_campaigns__campaign_id__delete",
    "summary": "Delete a campaign",
    "method": "DELETE",
    "path": "/v1/observability/campaigns/{campaign_id}",
    "specPath": "/v1/observability/campaigns/{campaign_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.campaigns",
    "pathParams": [
      {
        "name": "campaign_id",
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
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "get_campaign_status_by_id_v1_observability_campaigns__campaign_id__status_get",
    "summary": "Get campaign status by campaign id",
    "method": "GET",
    "path": "/v1/observability/campaigns/{campaign_id}/status",
    "specPath": "/v1/observability/campaigns/{campaign_id}/status",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.campaigns",
    "pathParams": [
      {
        "name": "campaign_id",
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
    "id": "get_campaign_selected_events_v1_observability_campaigns__campaign_id__selected_events_get",
    "summary": "Get event ids that were selected by the given campaign",
    "method": "GET",
    "path": "/v1/observability/campaigns/{campaign_id}/selected-events",
    "specPath": "/v1/observability/campaigns/{campaign_id}/selected-events",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.campaigns",
    "pathParams": [
      {
        "name": "campaign_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "page_size",
      "page"
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
    "id": "create_dataset_v1_observability_datasets_post",
    "summary": "Create a new empty dataset",
    "method": "POST",
    "path": "/v1/observability/datasets",
    "specPath": "/v1/observability/datasets",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "CreateDatasetRequest",
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
    "id": "get_datasets_v1_observability_datasets_get",
    "summary": "List existing datasets",
    "method": "GET",
    "path": "/v1/observability/datasets",
    "specPath": "/v1/observability/datasets",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [],
    "query": [
      "page_size",
      "page",
      "q"
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
    "id": "get_dataset_by_id_v1_observability_datasets__dataset_id__get",
    "summary": "Get dataset by id",
    "method": "GET",
    "path": "/v1/observability/datasets/{dataset_id}",
    "specPath": "/v1/observability/datasets/{dataset_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [
      {
        "name": "dataset_id",
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
    "id": "delete_dataset_v1_observability_datasets__dataset_id__delete",
    "summary": "Delete a dataset",
    "method": "DELETE",
    "path": "/v1/observability/datasets/{dataset_id}",
    "specPath": "/v1/observability/datasets/{dataset_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [
      {
        "name": "dataset_id",
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
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "update_dataset_v1_observability_datasets__dataset_id__patch",
    "summary": "Patch dataset",
    "method": "PATCH",
    "path": "/v1/observability/datasets/{dataset_id}",
    "specPath": "/v1/observability/datasets/{dataset_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [
      {
        "name": "dataset_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "UpdateDatasetRequest",
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
    "id": "get_dataset_records_v1_observability_datasets__dataset_id__records_get",
    "summary": "List existing records in the dataset",
    "method": "GET",
    "path": "/v1/observability/datasets/{dataset_id}/records",
    "specPath": "/v1/observability/datasets/{dataset_id}/records",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [
      {
        "name": "dataset_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "page_size",
      "page"
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
    "id": "create_dataset_record_v1_observability_datasets__dataset_id__records_post",
    "summary": "Add a record to the dataset",
    "method": "POST",
    "path": "/v1/observability/datasets/{dataset_id}/records",
    "specPath": "/v1/observability/datasets/{dataset_id}/records",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [
      {
        "name": "dataset_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "CreateDatasetRecordRequest",
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
    "id": "post_dataset_records_from_campaign_v1_observability_datasets__dataset_id__imports_from_campaign_post",
    "summary": "Populate the dataset with records from a campaign",
    "method": "POST",
    "path": "/v1/observability/datasets/{dataset_id}/imports/from-campaign",
    "specPath": "/v1/observability/datasets/{dataset_id}/imports/from-campaign",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [
      {
        "name": "dataset_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "ImportDatasetFromCampaignRequest",
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
    "id": "post_dataset_records_from_explorer_v1_observability_datasets__dataset_id__imports_from_explorer_post",
    "summary": "Populate the dataset with records from the explorer",
    "method": "POST",
    "path": "/v1/observability/datasets/{dataset_id}/imports/from-explorer",
    "specPath": "/v1/observability/datasets/{dataset_id}/imports/from-explorer",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [
      {
        "name": "dataset_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "ImportDatasetFromExplorerRequest",
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
    "id": "post_dataset_records_from_file_v1_observability_datasets__dataset_id__imports_from_file_post",
    "summary": "Populate the dataset with records from an uploaded file",
    "method": "POST",
    "path": "/v1/observability/datasets/{dataset_id}/imports/from-file",
    "specPath": "/v1/observability/datasets/{dataset_id}/imports/from-file",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [
      {
        "name": "dataset_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "ImportDatasetFromFileRequest",
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
    "id": "post_dataset_records_from_playground_v1_observability_datasets__dataset_id__imports_from_playground_post",
    "summary": "Populate the dataset with records from playground conversations",
    "method": "POST",
    "path": "/v1/observability/datasets/{dataset_id}/imports/from-playground",
    "specPath": "/v1/observability/datasets/{dataset_id}/imports/from-playground",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [
      {
        "name": "dataset_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "ImportDatasetFromPlaygroundRequest",
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
    "id": "post_dataset_records_from_dataset_v1_observability_datasets__dataset_id__imports_from_dataset_post",
    "summary": "Populate the dataset with records from another dataset",
    "method": "POST",
    "path": "/v1/observability/datasets/{dataset_id}/imports/from-dataset",
    "specPath": "/v1/observability/datasets/{dataset_id}/imports/from-dataset",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [
      {
        "name": "dataset_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "ImportDatasetFromDatasetRequest",
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
    "id": "export_dataset_to_jsonl_v1_observability_datasets__dataset_id__exports_to_jsonl_get",
    "summary": "Export to the Files API and retrieve presigned URL to download the resulting JSONL file",
    "method": "GET",
    "path": "/v1/observability/datasets/{dataset_id}/exports/to-jsonl",
    "specPath": "/v1/observability/datasets/{dataset_id}/exports/to-jsonl",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [
      {
        "name": "dataset_id",
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
    "id": "get_dataset_import_task_v1_observability_datasets__dataset_id__tasks__task_id__get",
    "summary": "Get status of a dataset import task",
    "method": "GET",
    "path": "/v1/observability/datasets/{dataset_id}/tasks/{task_id}",
    "specPath": "/v1/observability/datasets/{dataset_id}/tasks/{task_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [
      {
        "name": "dataset_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "task_id",
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
    "id": "get_dataset_import_tasks_v1_observability_datasets__dataset_id__tasks_get",
    "summary": "List import tasks for the given dataset",
    "method": "GET",
    "path": "/v1/observability/datasets/{dataset_id}/tasks",
    "specPath": "/v1/observability/datasets/{dataset_id}/tasks",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets",
    "pathParams": [
      {
        "name": "dataset_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "page_size",
      "page"
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
    "id": "get_dataset_record_v1_observability_dataset_records__dataset_record_id__get",
    "summary": "Get the content of a given dataset record",
    "method": "GET",
    "path": "/v1/observability/dataset-records/{dataset_record_id}",
    "specPath": "/v1/observability/dataset-records/{dataset_record_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets.records",
    "pathParams": [
      {
        "name": "dataset_record_id",
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
    "id": "delete_dataset_record_v1_observability_dataset_records__dataset_record_id__delete",
    "summary": "Delete a record from a dataset",
    "method": "DELETE",
    "path": "/v1/observability/dataset-records/{dataset_record_id}",
    "specPath": "/v1/observability/dataset-records/{dataset_record_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets.records",
    "pathParams": [
      {
        "name": "dataset_record_id",
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
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "delete_dataset_records_v1_observability_dataset_records_bulk_delete_post",
    "summary": "Delete multiple records from datasets",
    "method": "POST",
    "path": "/v1/observability/dataset-records/bulk-delete",
    "specPath": "/v1/observability/dataset-records/bulk-delete",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets.records",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "DeleteDatasetRecordsRequest",
    "responseKinds": [
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "judge_dataset_record_v1_observability_dataset_records__dataset_record_id__live_judging_post",
    "summary": "Run Judge on a dataset record based on the given options",
    "method": "POST",
    "path": "/v1/observability/dataset-records/{dataset_record_id}/live-judging",
    "specPath": "/v1/observability/dataset-records/{dataset_record_id}/live-judging",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets.records",
    "pathParams": [
      {
        "name": "dataset_record_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "JudgeDatasetRecordRequest",
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
    "id": "update_dataset_record_payload_v1_observability_dataset_records__dataset_record_id__payload_put",
    "summary": "Update a dataset record payload",
    "method": "PUT",
    "path": "/v1/observability/dataset-records/{dataset_record_id}/payload",
    "specPath": "/v1/observability/dataset-records/{dataset_record_id}/payload",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets.records",
    "pathParams": [
      {
        "name": "dataset_record_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "UpdateDatasetRecordPayloadRequest",
    "responseKinds": [
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "update_dataset_record_properties_v1_observability_dataset_records__dataset_record_id__properties_put",
    "summary": "Update dataset record properties",
    "method": "PUT",
    "path": "/v1/observability/dataset-records/{dataset_record_id}/properties",
    "specPath": "/v1/observability/dataset-records/{dataset_record_id}/properties",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.datasets.records",
    "pathParams": [
      {
        "name": "dataset_record_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "UpdateDatasetRecordPropertiesRequest",
    "responseKinds": [
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "search_logs_v1_observability_logs_search_post",
    "summary": "Search logs",
    "method": "POST",
    "path": "/v1/observability/logs/search",
    "specPath": "/v1/observability/logs/search",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.logs",
    "pathParams": [],
    "query": [
      "from",
      "to",
      "page_size",
      "cursor"
    ],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "LogsRequest",
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
    "id": "search_traces_v1_observability_traces_search_post",
    "summary": "Search traces",
    "method": "POST",
    "path": "/v1/observability/traces/search",
    "specPath": "/v1/observability/traces/search",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.traces",
    "pathParams": [],
    "query": [
      "from",
      "to",
      "page_size",
      "cursor"
    ],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "TracesRequest",
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
    "id": "aggregate_traces_v1_observability_traces_aggregate_post",
    "summary": "Aggregate traces",
    "method": "POST",
    "path": "/v1/observability/traces/aggregate",
    "specPath": "/v1/observability/traces/aggregate",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.traces",
    "pathParams": [],
    "query": [
      "from",
      "to"
    ],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "AggregationRequest",
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
    "id": "search_spans_v1_observability_spans_search_post",
    "summary": "Search spans",
    "method": "POST",
    "path": "/v1/observability/spans/search",
    "specPath": "/v1/observability/spans/search",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.spans",
    "pathParams": [],
    "query": [
      "from",
      "to",
      "page_size",
      "cursor"
    ],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "SpansRequest",
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
    "id": "aggregate_spans_v1_observability_spans_aggregate_post",
    "summary": "Aggregate spans",
    "method": "POST",
    "path": "/v1/observability/spans/aggregate",
    "specPath": "/v1/observability/spans/aggregate",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.spans",
    "pathParams": [],
    "query": [
      "from",
      "to"
    ],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "AggregationRequest",
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
    "id": "search_span_evaluations_v1_observability_spans_evaluations_search_post",
    "summary": "Search span evaluations",
    "method": "POST",
    "path": "/v1/observability/spans/evaluations/search",
    "specPath": "/v1/observability/spans/evaluations/search",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.spans",
    "pathParams": [],
    "query": [
      "from",
      "to",
      "page_size",
      "cursor"
    ],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "SpanEvaluationsRequest",
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
    "id": "search_latest_span_evaluations_v1_observability_spans_evaluations_search_latest_post",
    "summary": "Search latest span evaluations",
    "method": "POST",
    "path": "/v1/observability/spans/evaluations/search/latest",
    "specPath": "/v1/observability/spans/evaluations/search/latest",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.spans",
    "pathParams": [],
    "query": [
      "from",
      "to",
      "page_size",
      "cursor"
    ],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "SpanEvaluationsRequest",
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
    "id": "get_trace_fields_v1_observability_traces_fields_get",
    "summary": "Get trace field definitions",
    "method": "GET",
    "path": "/v1/observability/traces/fields",
    "specPath": "/v1/observability/traces/fields",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.traces",
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
    "id": "get_trace_by_id_v1_observability_traces__trace_id__get",
    "summary": "Get trace by id",
    "method": "GET",
    "path": "/v1/observability/traces/{trace_id}",
    "specPath": "/v1/observability/traces/{trace_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.traces",
    "pathParams": [
      {
        "name": "trace_id",
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
    "id": "get_trace_spans_v1_observability_traces__trace_id__spans_get",
    "summary": "Get trace spans",
    "method": "GET",
    "path": "/v1/observability/traces/{trace_id}/spans",
    "specPath": "/v1/observability/traces/{trace_id}/spans",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.traces",
    "pathParams": [
      {
        "name": "trace_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "from",
      "to",
      "page_size",
      "cursor"
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
    "id": "get_log_fields_v1_observability_logs_fields_get",
    "summary": "Get log field definitions",
    "method": "GET",
    "path": "/v1/observability/logs/fields",
    "specPath": "/v1/observability/logs/fields",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.logs",
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
    "id": "get_span_fields_v1_observability_spans_fields_get",
    "summary": "Get span field definitions",
    "method": "GET",
    "path": "/v1/observability/spans/fields",
    "specPath": "/v1/observability/spans/fields",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.spans",
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
    "id": "get_span_evaluation_fields_v1_observability_spans_evaluations_fields_get",
    "summary": "Get span evaluation field definitions",
    "method": "GET",
    "path": "/v1/observability/spans/evaluations/fields",
    "specPath": "/v1/observability/spans/evaluations/fields",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.spans",
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
    "id": "get_trace_field_options_v1_observability_traces_fields__field_name__options_get",
    "summary": "Get options for a trace field",
    "method": "GET",
    "path": "/v1/observability/traces/fields/{field_name}/options",
    "specPath": "/v1/observability/traces/fields/{field_name}/options",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.traces",
    "pathParams": [
      {
        "name": "field_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "from",
      "to"
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
    "id": "get_log_field_options_v1_observability_logs_fields__field_name__options_get",
    "summary": "Get options for a log field",
    "method": "GET",
    "path": "/v1/observability/logs/fields/{field_name}/options",
    "specPath": "/v1/observability/logs/fields/{field_name}/options",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.logs",
    "pathParams": [
      {
        "name": "field_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "from",
      "to"
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
    "id": "get_span_field_options_v1_observability_spans_fields__field_name__options_get",
    "summary": "Get options for a span field",
    "method": "GET",
    "path": "/v1/observability/spans/fields/{field_name}/options",
    "specPath": "/v1/observability/spans/fields/{field_name}/options",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.spans",
    "pathParams": [
      {
        "name": "field_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "from",
      "to"
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
    "id": "get_span_evaluation_field_options_v1_observability_spans_evaluations_fields__field_name__options_get",
    "summary": "Get options for a span evaluation field",
    "method": "GET",
    "path": "/v1/observability/spans/evaluations/fields/{field_name}/options",
    "specPath": "/v1/observability/spans/evaluations/fields/{field_name}/options",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.spans",
    "pathParams": [
      {
        "name": "field_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "from",
      "to"
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
    "id": "get_span_by_id_v1_observability_traces__trace_id__spans__span_id__get",
    "summary": "Get span by id",
    "method": "GET",
    "path": "/v1/observability/traces/{trace_id}/spans/{span_id}",
    "specPath": "/v1/observability/traces/{trace_id}/spans/{span_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.observability.traces",
    "pathParams": [
      {
        "name": "trace_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      },
      {
        "name": "span_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "from",
      "to"
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
    "id": "connector_create_v1",
    "summary": "Create a new connector.",
    "method": "POST",
    "path": "/v1/connectors",
    "specPath": "/v1/connectors",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "CreateConnectorRequest",
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
    "id": "connector_list_v1",
    "summary": "List all connectors.",
    "method": "GET",
    "path": "/v1/connectors",
    "specPath": "/v1/connectors",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [],
    "query": [
      "query_filters",
      "cursor",
      "page_size"
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
    "id": "connector_get_auth_url_v1",
    "summary": "Get the auth URL for a connector.",
    "method": "GET",
    "path": "/v1/connectors/{connector_id_or_name}/auth_url",
    "specPath": "/v1/connectors/{connector_id_or_name}/auth_url",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "app_return_url",
      "method_type",
      "credentials_name",
      "credentials_title",
      "github_installation_link"
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
    "id": "connector_share_v1",
    "summary": "Share a private connector to the current workspace.",
    "method": "PUT",
    "path": "/v1/connectors/{connector_id}/share",
    "specPath": "/v1/connectors/{connector_id}/share",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id",
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
    "id": "connector_unshare_v1",
    "summary": "Unshare a connector from the current workspace.",
    "method": "DELETE",
    "path": "/v1/connectors/{connector_id}/share",
    "specPath": "/v1/connectors/{connector_id}/share",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id",
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
    "id": "connector_activate_for_consumer_v1",
    "summary": "Activate a connector for the given consumer (organization, workspace, user).",
    "method": "POST",
    "path": "/v1/connectors/{connector_id}/{consumer_scope}/activate",
    "specPath": "/v1/connectors/{connector_id}/{consumer_scope}/activate",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "consumer_scope",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": [
          "user",
          "workspace",
          "organization"
        ]
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
    "id": "connector_deactivate_for_consumer_v1",
    "summary": "Deactivate a connector for the current consumer (at organization, workspace or user level).",
    "method": "POST",
    "path": "/v1/connectors/{connector_id}/{consumer_scope}/deactivate",
    "specPath": "/v1/connectors/{connector_id}/{consumer_scope}/deactivate",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "consumer_scope",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": [
          "user",
          "workspace",
          "organization"
        ]
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
    "id": "connector_call_tool_v1",
    "summary": "Call Connector Tool",
    "method": "POST",
    "path": "/v1/connectors/{connector_id_or_name}/tools/{tool_name}/call",
    "specPath": "/v1/connectors/{connector_id_or_name}/tools/{tool_name}/call",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      },
      {
        "name": "tool_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "credentials_name"
    ],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "ConnectorCallToolRequest",
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
    "id": "connector_list_tools_v1",
    "summary": "List tools for a connector.",
    "method": "GET",
    "path": "/v1/connectors/{connector_id_or_name}/tools",
    "specPath": "/v1/connectors/{connector_id_or_name}/tools",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "page",
      "page_size",
      "refresh",
      "pretty",
      "credentials_name"
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
    "id": "connector_get_authentication_methods_v1",
    "summary": "Get authentication methods for a connector.",
    "method": "GET",
    "path": "/v1/connectors/{connector_id_or_name}/authentication_methods",
    "specPath": "/v1/connectors/{connector_id_or_name}/authentication_methods",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
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
    "id": "connector_list_organization_credentials_v1",
    "summary": "List organization credentials for a connector.",
    "method": "GET",
    "path": "/v1/connectors/{connector_id_or_name}/organization/credentials",
    "specPath": "/v1/connectors/{connector_id_or_name}/organization/credentials",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "auth_type",
      "fetch_default"
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
    "id": "connector_create_or_update_organization_credentials_v1",
    "summary": "Create or update organization credentials for a connector.",
    "method": "POST",
    "path": "/v1/connectors/{connector_id_or_name}/organization/credentials",
    "specPath": "/v1/connectors/{connector_id_or_name}/organization/credentials",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
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
    "bodySchema": "CredentialsCreateOrUpdate",
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
    "id": "connector_list_workspace_credentials_v1",
    "summary": "List workspace credentials for a connector.",
    "method": "GET",
    "path": "/v1/connectors/{connector_id_or_name}/workspace/credentials",
    "specPath": "/v1/connectors/{connector_id_or_name}/workspace/credentials",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "auth_type",
      "fetch_default"
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
    "id": "connector_create_or_update_workspace_credentials_v1",
    "summary": "Create or update workspace credentials for a connector.",
    "method": "POST",
    "path": "/v1/connectors/{connector_id_or_name}/workspace/credentials",
    "specPath": "/v1/connectors/{connector_id_or_name}/workspace/credentials",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
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
    "bodySchema": "CredentialsCreateOrUpdate",
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
    "id": "connector_list_user_credentials_v1",
    "summary": "List user credentials for a connector.",
    "method": "GET",
    "path": "/v1/connectors/{connector_id_or_name}/user/credentials",
    "specPath": "/v1/connectors/{connector_id_or_name}/user/credentials",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "auth_type",
      "fetch_default"
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
    "id": "connector_create_or_update_user_credentials_v1",
    "summary": "Create or update user credentials for a connector.",
    "method": "POST",
    "path": "/v1/connectors/{connector_id_or_name}/user/credentials",
    "specPath": "/v1/connectors/{connector_id_or_name}/user/credentials",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
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
    "bodySchema": "CredentialsCreateOrUpdate",
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
    "id": "connector_delete_all_user_credentials_v1",
    "summary": "Delete all user credentials for a connector.",
    "method": "DELETE",
    "path": "/v1/connectors/{connector_id_or_name}/user/credentials",
    "specPath": "/v1/connectors/{connector_id_or_name}/user/credentials",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
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
    "id": "connector_delete_organization_credentials_v1",
    "summary": "Delete organization credentials for a connector.",
    "method": "DELETE",
    "path": "/v1/connectors/{connector_id_or_name}/organization/credentials/{credentials_name}",
    "specPath": "/v1/connectors/{connector_id_or_name}/organization/credentials/{credentials_name}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      },
      {
        "name": "credentials_name",
        "type": "string",
        "format": null,
        "pattern": "^[a-zA-Z0-9_-]{1,64}$",
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
    "id": "connector_delete_workspace_credentials_v1",
    "summary": "Delete workspace credentials for a connector.",
    "method": "DELETE",
    "path": "/v1/connectors/{connector_id_or_name}/workspace/credentials/{credentials_name}",
    "specPath": "/v1/connectors/{connector_id_or_name}/workspace/credentials/{credentials_name}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      },
      {
        "name": "credentials_name",
        "type": "string",
        "format": null,
        "pattern": "^[a-zA-Z0-9_-]{1,64}$",
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
    "id": "connector_delete_user_credentials_v1",
    "summary": "Delete user credentials for a connector.",
    "method": "DELETE",
    "path": "/v1/connectors/{connector_id_or_name}/user/credentials/{credentials_name}",
    "specPath": "/v1/connectors/{connector_id_or_name}/user/credentials/{credentials_name}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      },
      {
        "name": "credentials_name",
        "type": "string",
        "format": null,
        "pattern": "^[a-zA-Z0-9_-]{1,64}$",
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
    "id": "connector_get_v1",
    "summary": "Get a connector.",
    "method": "GET",
    "path": "/v1/connectors/{connector_id_or_name}",
    "specPath": "/v1/connectors/{connector_id_or_name}#idOrName",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id_or_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "fetch_user_data",
      "fetch_customer_data"
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
    "id": "connector_update_v1",
    "summary": "Update a connector.",
    "method": "PATCH",
    "path": "/v1/connectors/{connector_id}",
    "specPath": "/v1/connectors/{connector_id}#id",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "UpdateConnectorRequest",
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
    "id": "connector_delete_v1",
    "summary": "Delete a connector.",
    "method": "DELETE",
    "path": "/v1/connectors/{connector_id}",
    "specPath": "/v1/connectors/{connector_id}#id",
    "variant": null,
    "variantOf": null,
    "tag": "beta.connectors",
    "pathParams": [
      {
        "name": "connector_id",
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
    "id": "list_voices_v1_audio_voices_get",
    "summary": "List all voices",
    "method": "GET",
    "path": "/v1/audio/voices",
    "specPath": "/v1/audio/voices",
    "variant": null,
    "variantOf": null,
    "tag": "audio.voices",
    "pathParams": [],
    "query": [
      "limit",
      "offset",
      "type"
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
    "id": "create_voice_v1_audio_voices_post",
    "summary": "Create a new voice",
    "method": "POST",
    "path": "/v1/audio/voices",
    "specPath": "/v1/audio/voices",
    "variant": null,
    "variantOf": null,
    "tag": "audio.voices",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "VoiceCreateRequest",
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
    "id": "delete_voice_v1_audio_voices__voice_id__delete",
    "summary": "Delete a custom voice",
    "method": "DELETE",
    "path": "/v1/audio/voices/{voice_id}",
    "specPath": "/v1/audio/voices/{voice_id}",
    "variant": null,
    "variantOf": null,
    "tag": "audio.voices",
    "pathParams": [
      {
        "name": "voice_id",
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
    "id": "update_voice_v1_audio_voices__voice_id__patch",
    "summary": "Update voice metadata",
    "method": "PATCH",
    "path": "/v1/audio/voices/{voice_id}",
    "specPath": "/v1/audio/voices/{voice_id}",
    "variant": null,
    "variantOf": null,
    "tag": "audio.voices",
    "pathParams": [
      {
        "name": "voice_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "VoiceUpdateRequest",
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
    "id": "get_voice_v1_audio_voices__voice_id__get",
    "summary": "Get voice details",
    "method": "GET",
    "path": "/v1/audio/voices/{voice_id}",
    "specPath": "/v1/audio/voices/{voice_id}",
    "variant": null,
    "variantOf": null,
    "tag": "audio.voices",
    "pathParams": [
      {
        "name": "voice_id",
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
    "id": "get_voice_sample_audio_v1_audio_voices__voice_id__sample_get",
    "summary": "Get voice sample audio",
    "method": "GET",
    "path": "/v1/audio/voices/{voice_id}/sample",
    "specPath": "/v1/audio/voices/{voice_id}/sample",
    "variant": null,
    "variantOf": null,
    "tag": "audio.voices",
    "pathParams": [
      {
        "name": "voice_id",
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
      "binary"
    ],
    "responseTypes": [
      "audio/wav"
    ],
    "stream": false,
    "spec": null
  },
  {
    "id": "get_workflow_execution_v1_workflows_executions__execution_id__get",
    "summary": "Get Workflow Execution",
    "method": "GET",
    "path": "/v1/workflows/executions/{execution_id}",
    "specPath": "/v1/workflows/executions/{execution_id}",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
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
    "id": "get_workflow_execution_history_v1_workflows_executions__execution_id__history_get",
    "summary": "Get Workflow Execution History",
    "method": "GET",
    "path": "/v1/workflows/executions/{execution_id}/history",
    "specPath": "/v1/workflows/executions/{execution_id}/history",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "decode_payloads"
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
    "id": "signal_workflow_execution_v1_workflows_executions__execution_id__signals_post",
    "summary": "Signal Workflow Execution",
    "method": "POST",
    "path": "/v1/workflows/executions/{execution_id}/signals",
    "specPath": "/v1/workflows/executions/{execution_id}/signals",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
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
    "bodySchema": "SignalInvocationBody",
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
    "id": "query_workflow_execution_v1_workflows_executions__execution_id__queries_post",
    "summary": "Query Workflow Execution",
    "method": "POST",
    "path": "/v1/workflows/executions/{execution_id}/queries",
    "specPath": "/v1/workflows/executions/{execution_id}/queries",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
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
    "bodySchema": "QueryInvocationBody",
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
    "id": "terminate_workflow_execution_v1_workflows_executions__execution_id__terminate_post",
    "summary": "Terminate Workflow Execution",
    "method": "POST",
    "path": "/v1/workflows/executions/{execution_id}/terminate",
    "specPath": "/v1/workflows/executions/{execution_id}/terminate",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
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
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "batch_terminate_workflow_executions_v1_workflows_executions_terminate_post",
    "summary": "Batch Terminate Workflow Executions",
    "method": "POST",
    "path": "/v1/workflows/executions/terminate",
    "specPath": "/v1/workflows/executions/terminate",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "BatchExecutionBody",
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
    "id": "cancel_workflow_execution_v1_workflows_executions__execution_id__cancel_post",
    "summary": "Cancel Workflow Execution",
    "method": "POST",
    "path": "/v1/workflows/executions/{execution_id}/cancel",
    "specPath": "/v1/workflows/executions/{execution_id}/cancel",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
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
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "batch_cancel_workflow_executions_v1_workflows_executions_cancel_post",
    "summary": "Batch Cancel Workflow Executions",
    "method": "POST",
    "path": "/v1/workflows/executions/cancel",
    "specPath": "/v1/workflows/executions/cancel",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "BatchExecutionBody",
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
    "id": "reset_workflow_v1_workflows_executions__execution_id__reset_post",
    "summary": "Reset Workflow",
    "method": "POST",
    "path": "/v1/workflows/executions/{execution_id}/reset",
    "specPath": "/v1/workflows/executions/{execution_id}/reset",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
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
    "bodySchema": "ResetInvocationBody",
    "responseKinds": [
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "update_workflow_execution_v1_workflows_executions__execution_id__updates_post",
    "summary": "Update Workflow Execution",
    "method": "POST",
    "path": "/v1/workflows/executions/{execution_id}/updates",
    "specPath": "/v1/workflows/executions/{execution_id}/updates",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
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
    "bodySchema": "UpdateInvocationBody",
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
    "id": "get_workflow_execution_trace_info",
    "summary": "Get Workflow Execution Trace Info",
    "method": "GET",
    "path": "/v1/workflows/executions/{execution_id}/trace/info",
    "specPath": "/v1/workflows/executions/{execution_id}/trace/info",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
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
    "id": "get_workflow_execution_trace_otel",
    "summary": "Get Workflow Execution Trace Otel",
    "method": "GET",
    "path": "/v1/workflows/executions/{execution_id}/trace/otel",
    "specPath": "/v1/workflows/executions/{execution_id}/trace/otel",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
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
    "id": "get_workflow_execution_trace_summary",
    "summary": "Get Workflow Execution Trace Summary",
    "method": "GET",
    "path": "/v1/workflows/executions/{execution_id}/trace/summary",
    "specPath": "/v1/workflows/executions/{execution_id}/trace/summary",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
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
    "id": "get_workflow_execution_trace_events",
    "summary": "Get Workflow Execution Trace Events",
    "method": "GET",
    "path": "/v1/workflows/executions/{execution_id}/trace/events",
    "specPath": "/v1/workflows/executions/{execution_id}/trace/events",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "merge_same_id_events",
      "include_internal_events"
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
    "id": "stream_v1_workflows_executions__execution_id__stream_get",
    "summary": "Stream",
    "method": "GET",
    "path": "/v1/workflows/executions/{execution_id}/stream",
    "specPath": "/v1/workflows/executions/{execution_id}/stream",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "event_source",
      "last_event_id"
    ],
    "headers": [],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "sse"
    ],
    "responseTypes": [
      "text/event-stream"
    ],
    "stream": true,
    "spec": null
  },
  {
    "id": "get_workflow_execution_logs",
    "summary": "Get Workflow Execution Logs",
    "method": "GET",
    "path": "/v1/workflows/executions/{execution_id}/logs",
    "specPath": "/v1/workflows/executions/{execution_id}/logs",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "run_id",
      "activity_id",
      "after",
      "before",
      "order",
      "cursor",
      "limit"
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
    "id": "stream_workflow_execution_logs",
    "summary": "Stream Workflow Execution Logs",
    "method": "GET",
    "path": "/v1/workflows/executions/{execution_id}/logs/stream",
    "specPath": "/v1/workflows/executions/{execution_id}/logs/stream",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.executions",
    "pathParams": [
      {
        "name": "execution_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "run_id",
      "activity_id",
      "after",
      "last_event_id"
    ],
    "headers": [
      "last-event-id"
    ],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "sse"
    ],
    "responseTypes": [
      "text/event-stream"
    ],
    "stream": true,
    "spec": null
  },
  {
    "id": "get_workflow_metrics_v1_workflows__workflow_name__metrics_get",
    "summary": "Get Workflow Metrics",
    "method": "GET",
    "path": "/v1/workflows/{workflow_name}/metrics",
    "specPath": "/v1/workflows/{workflow_name}/metrics",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.metrics",
    "pathParams": [
      {
        "name": "workflow_name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "start_time",
      "end_time"
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
    "id": "list_runs_v1_workflows_runs_get",
    "summary": "List Runs",
    "method": "GET",
    "path": "/v1/workflows/runs",
    "specPath": "/v1/workflows/runs",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.runs",
    "pathParams": [],
    "query": [
      "workflow_identifier",
      "root_execution_id",
      "search",
      "status",
      "deployment_name",
      "sort_by",
      "order",
      "start_time_after",
      "start_time_before",
      "end_time_after",
      "end_time_before",
      "user_id",
      "workflow_tags",
      "include_internal",
      "page_size",
      "next_page_token",
      "search_key"
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
    "id": "get_run_v1_workflows_runs__run_id__get",
    "summary": "Get Run",
    "method": "GET",
    "path": "/v1/workflows/runs/{run_id}",
    "specPath": "/v1/workflows/runs/{run_id}",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.runs",
    "pathParams": [
      {
        "name": "run_id",
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
    "id": "get_run_history_v1_workflows_runs__run_id__history_get",
    "summary": "Get Run History",
    "method": "GET",
    "path": "/v1/workflows/runs/{run_id}/history",
    "specPath": "/v1/workflows/runs/{run_id}/history",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.runs",
    "pathParams": [
      {
        "name": "run_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "decode_payloads"
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
    "id": "get_schedules_v1_workflows_schedules_get",
    "summary": "Get Schedules",
    "method": "GET",
    "path": "/v1/workflows/schedules",
    "specPath": "/v1/workflows/schedules",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.schedules",
    "pathParams": [],
    "query": [
      "workflow_name",
      "user_id",
      "status",
      "search",
      "page_size",
      "next_page_token"
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
    "id": "schedule_workflow_v1_workflows_schedules_post",
    "summary": "Schedule Workflow",
    "method": "POST",
    "path": "/v1/workflows/schedules",
    "specPath": "/v1/workflows/schedules",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.schedules",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "WorkflowScheduleRequest",
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
    "id": "get_schedule_v1_workflows_schedules__schedule_id__get",
    "summary": "Get Schedule",
    "method": "GET",
    "path": "/v1/workflows/schedules/{schedule_id}",
    "specPath": "/v1/workflows/schedules/{schedule_id}",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.schedules",
    "pathParams": [
      {
        "name": "schedule_id",
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
    "id": "unschedule_workflow_v1_workflows_schedules__schedule_id__delete",
    "summary": "Unschedule Workflow",
    "method": "DELETE",
    "path": "/v1/workflows/schedules/{schedule_id}",
    "specPath": "/v1/workflows/schedules/{schedule_id}",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.schedules",
    "pathParams": [
      {
        "name": "schedule_id",
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
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "update_schedule_v1_workflows_schedules__schedule_id__patch",
    "summary": "Update Schedule",
    "method": "PATCH",
    "path": "/v1/workflows/schedules/{schedule_id}",
    "specPath": "/v1/workflows/schedules/{schedule_id}",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.schedules",
    "pathParams": [
      {
        "name": "schedule_id",
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
    "bodySchema": "WorkflowScheduleUpdateRequest",
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
    "id": "pause_schedule_v1_workflows_schedules__schedule_id__pause_post",
    "summary": "Pause Schedule",
    "method": "POST",
    "path": "/v1/workflows/schedules/{schedule_id}/pause",
    "specPath": "/v1/workflows/schedules/{schedule_id}/pause",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.schedules",
    "pathParams": [
      {
        "name": "schedule_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "resume_schedule_v1_workflows_schedules__schedule_id__resume_post",
    "summary": "Resume Schedule",
    "method": "POST",
    "path": "/v1/workflows/schedules/{schedule_id}/resume",
    "specPath": "/v1/workflows/schedules/{schedule_id}/resume",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.schedules",
    "pathParams": [
      {
        "name": "schedule_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "trigger_schedule_v1_workflows_schedules__schedule_id__trigger_post",
    "summary": "Trigger Schedule",
    "method": "POST",
    "path": "/v1/workflows/schedules/{schedule_id}/trigger",
    "specPath": "/v1/workflows/schedules/{schedule_id}/trigger",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.schedules",
    "pathParams": [
      {
        "name": "schedule_id",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "empty"
    ],
    "responseTypes": [],
    "stream": false,
    "spec": null
  },
  {
    "id": "get_stream_events_v1_workflows_events_stream_get",
    "summary": "Get Stream Events",
    "method": "GET",
    "path": "/v1/workflows/events/stream",
    "specPath": "/v1/workflows/events/stream",
    "variant": null,
    "variantOf": null,
    "tag": "events",
    "pathParams": [],
    "query": [
      "scope",
      "activity_name",
      "activity_id",
      "workflow_name",
      "workflow_exec_id",
      "root_workflow_exec_id",
      "parent_workflow_exec_id",
      "stream",
      "start_seq",
      "metadata_filters",
      "workflow_event_types"
    ],
    "headers": [
      "last-event-id"
    ],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "sse"
    ],
    "responseTypes": [
      "text/event-stream"
    ],
    "stream": true,
    "spec": null
  },
  {
    "id": "get_workflow_events_v1_workflows_events_list_get",
    "summary": "Get Workflow Events",
    "method": "GET",
    "path": "/v1/workflows/events/list",
    "specPath": "/v1/workflows/events/list",
    "variant": null,
    "variantOf": null,
    "tag": "events",
    "pathParams": [],
    "query": [
      "root_workflow_exec_id",
      "workflow_exec_id",
      "workflow_run_id",
      "limit",
      "cursor"
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
    "id": "list_deployments_v1_workflows_deployments_get",
    "summary": "List Deployments",
    "method": "GET",
    "path": "/v1/workflows/deployments",
    "specPath": "/v1/workflows/deployments",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.deployments",
    "pathParams": [],
    "query": [
      "active_only",
      "is_hardened",
      "workflow_name",
      "search",
      "order_by",
      "order",
      "limit",
      "cursor",
      "workspace_id"
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
    "id": "create_deployment_v1_workflows_deployments_post",
    "summary": "Create Deployment",
    "method": "POST",
    "path": "/v1/workflows/deployments",
    "specPath": "/v1/workflows/deployments",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.deployments",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "CreateDeploymentRequest",
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
    "id": "update_deployment_v1_workflows_deployments__name__patch",
    "summary": "Update Deployment",
    "method": "PATCH",
    "path": "/v1/workflows/deployments/{name}",
    "specPath": "/v1/workflows/deployments/{name}",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.deployments",
    "pathParams": [
      {
        "name": "name",
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
    "bodySchema": "UpdateDeploymentRequest",
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
    "id": "delete_deployment_v1_workflows_deployments__name__delete",
    "summary": "Delete Deployment",
    "method": "DELETE",
    "path": "/v1/workflows/deployments/{name}",
    "specPath": "/v1/workflows/deployments/{name}",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.deployments",
    "pathParams": [
      {
        "name": "name",
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
    "id": "get_deployment_v1_workflows_deployments__name__get",
    "summary": "Get Deployment",
    "method": "GET",
    "path": "/v1/workflows/deployments/{name}",
    "specPath": "/v1/workflows/deployments/{name}",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.deployments",
    "pathParams": [
      {
        "name": "name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "workflow_name"
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
    "id": "stop_deployment_v1_workflows_deployments__name__stop_post",
    "summary": "Stop Deployment",
    "method": "POST",
    "path": "/v1/workflows/deployments/{name}/stop",
    "specPath": "/v1/workflows/deployments/{name}/stop",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.deployments",
    "pathParams": [
      {
        "name": "name",
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
    "id": "start_deployment_v1_workflows_deployments__name__start_post",
    "summary": "Start Deployment",
    "method": "POST",
    "path": "/v1/workflows/deployments/{name}/start",
    "specPath": "/v1/workflows/deployments/{name}/start",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.deployments",
    "pathParams": [
      {
        "name": "name",
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
    "id": "restart_deployment_v1_workflows_deployments__name__restart_post",
    "summary": "Restart Deployment",
    "method": "POST",
    "path": "/v1/workflows/deployments/{name}/restart",
    "specPath": "/v1/workflows/deployments/{name}/restart",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.deployments",
    "pathParams": [
      {
        "name": "name",
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
    "id": "list_deployment_workers_v1_workflows_deployments__name__workers_get",
    "summary": "List Deployment Workers",
    "method": "GET",
    "path": "/v1/workflows/deployments/{name}/workers",
    "specPath": "/v1/workflows/deployments/{name}/workers",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.deployments",
    "pathParams": [
      {
        "name": "name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "worker_status",
      "limit",
      "cursor"
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
    "id": "get_deployment_logs",
    "summary": "Get Deployment Logs",
    "method": "GET",
    "path": "/v1/workflows/deployments/{name}/logs",
    "specPath": "/v1/workflows/deployments/{name}/logs",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.deployments",
    "pathParams": [
      {
        "name": "name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "worker_name",
      "workflow_name",
      "after",
      "before",
      "order",
      "cursor",
      "limit"
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
    "id": "stream_deployment_logs",
    "summary": "Stream Deployment Logs",
    "method": "GET",
    "path": "/v1/workflows/deployments/{name}/logs/stream",
    "specPath": "/v1/workflows/deployments/{name}/logs/stream",
    "variant": null,
    "variantOf": null,
    "tag": "workflows.deployments",
    "pathParams": [
      {
        "name": "name",
        "type": "string",
        "format": null,
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "worker_name",
      "workflow_name",
      "after",
      "last_event_id"
    ],
    "headers": [
      "last-event-id"
    ],
    "body": "none",
    "bodyRequired": false,
    "bodySchema": null,
    "responseKinds": [
      "sse"
    ],
    "responseTypes": [
      "text/event-stream"
    ],
    "stream": true,
    "spec": null
  },
  {
    "id": "get_workflows_v1_workflows_get",
    "summary": "Get Workflows",
    "method": "GET",
    "path": "/v1/workflows",
    "specPath": "/v1/workflows",
    "variant": null,
    "variantOf": null,
    "tag": "workflows",
    "pathParams": [],
    "query": [
      "status",
      "include_shared",
      "available_in_chat_assistant",
      "deployment_name",
      "deployment_status",
      "archived",
      "tags",
      "sort_by",
      "order",
      "cursor",
      "limit",
      "active_only",
      "search"
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
    "id": "get_workflow_registrations_v1_workflows_registrations_get",
    "summary": "Get Workflow Registrations",
    "method": "GET",
    "path": "/v1/workflows/registrations",
    "specPath": "/v1/workflows/registrations",
    "variant": null,
    "variantOf": null,
    "tag": "workflows",
    "pathParams": [],
    "query": [
      "workflow_id",
      "task_queue",
      "active_only",
      "include_shared",
      "workflow_search",
      "archived",
      "with_workflow",
      "available_in_chat_assistant",
      "limit",
      "cursor"
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
    "id": "execute_workflow_v1_workflows__workflow_identifier__execute_post",
    "summary": "Execute Workflow",
    "method": "POST",
    "path": "/v1/workflows/{workflow_identifier}/execute",
    "specPath": "/v1/workflows/{workflow_identifier}/execute",
    "variant": null,
    "variantOf": null,
    "tag": "workflows",
    "pathParams": [
      {
        "name": "workflow_identifier",
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
    "bodySchema": "WorkflowExecutionRequest",
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
    "id": "execute_workflow_registration_v1_workflows_registrations__workflow_registration_id__execute_post",
    "summary": "Execute Workflow Registration",
    "method": "POST",
    "path": "/v1/workflows/registrations/{workflow_registration_id}/execute",
    "specPath": "/v1/workflows/registrations/{workflow_registration_id}/execute",
    "variant": null,
    "variantOf": null,
    "tag": "workflows",
    "pathParams": [
      {
        "name": "workflow_registration_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "WorkflowExecutionRequest",
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
    "id": "get_workflow_v1_workflows__workflow_identifier__get",
    "summary": "Get Workflow",
    "method": "GET",
    "path": "/v1/workflows/{workflow_identifier}",
    "specPath": "/v1/workflows/{workflow_identifier}",
    "variant": null,
    "variantOf": null,
    "tag": "workflows",
    "pathParams": [
      {
        "name": "workflow_identifier",
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
    "id": "update_workflow_v1_workflows__workflow_identifier__put",
    "summary": "Update Workflow",
    "method": "PUT",
    "path": "/v1/workflows/{workflow_identifier}",
    "specPath": "/v1/workflows/{workflow_identifier}",
    "variant": null,
    "variantOf": null,
    "tag": "workflows",
    "pathParams": [
      {
        "name": "workflow_identifier",
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
    "bodySchema": "WorkflowUpdateRequest",
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
    "id": "get_workflow_registration_v1_workflows_registrations__workflow_registration_id__get",
    "summary": "Get Workflow Registration",
    "method": "GET",
    "path": "/v1/workflows/registrations/{workflow_registration_id}",
    "specPath": "/v1/workflows/registrations/{workflow_registration_id}",
    "variant": null,
    "variantOf": null,
    "tag": "workflows",
    "pathParams": [
      {
        "name": "workflow_registration_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [
      "with_workflow",
      "include_shared"
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
    "id": "bulk_archive_workflows_v1_workflows_archive_put",
    "summary": "Bulk Archive Workflows",
    "method": "PUT",
    "path": "/v1/workflows/archive",
    "specPath": "/v1/workflows/archive",
    "variant": null,
    "variantOf": null,
    "tag": "workflows",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "WorkflowBulkArchiveRequest",
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
    "id": "bulk_unarchive_workflows_v1_workflows_unarchive_put",
    "summary": "Bulk Unarchive Workflows",
    "method": "PUT",
    "path": "/v1/workflows/unarchive",
    "specPath": "/v1/workflows/unarchive",
    "variant": null,
    "variantOf": null,
    "tag": "workflows",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "WorkflowBulkUnarchiveRequest",
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
    "id": "archive_workflow_v1_workflows__workflow_identifier__archive_put",
    "summary": "Archive Workflow",
    "method": "PUT",
    "path": "/v1/workflows/{workflow_identifier}/archive",
    "specPath": "/v1/workflows/{workflow_identifier}/archive",
    "variant": null,
    "variantOf": null,
    "tag": "workflows",
    "pathParams": [
      {
        "name": "workflow_identifier",
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
    "id": "unarchive_workflow_v1_workflows__workflow_identifier__unarchive_put",
    "summary": "Unarchive Workflow",
    "method": "PUT",
    "path": "/v1/workflows/{workflow_identifier}/unarchive",
    "specPath": "/v1/workflows/{workflow_identifier}/unarchive",
    "variant": null,
    "variantOf": null,
    "tag": "workflows",
    "pathParams": [
      {
        "name": "workflow_identifier",
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
    "id": "get_configs_v1_rag_ingestion_pipeline_configurations_get",
    "summary": "List ingestion pipeline configurations",
    "method": "GET",
    "path": "/v1/rag/ingestion_pipeline_configurations",
    "specPath": "/v1/rag/ingestion_pipeline_configurations",
    "variant": null,
    "variantOf": null,
    "tag": "beta.rag.ingestion_pipeline_configurations",
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
    "id": "register_config_v1_rag_ingestion_pipeline_configurations_put",
    "summary": "Register Config",
    "method": "PUT",
    "path": "/v1/rag/ingestion_pipeline_configurations",
    "specPath": "/v1/rag/ingestion_pipeline_configurations",
    "variant": null,
    "variantOf": null,
    "tag": "beta.rag.ingestion_pipeline_configurations",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "CreateIngestionPipelineConfigurationRequest",
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
    "id": "update_run_info_v1_rag_ingestion_pipeline_configurations__id__run_info_put",
    "summary": "Update Run Info",
    "method": "PUT",
    "path": "/v1/rag/ingestion_pipeline_configurations/{id}/run_info",
    "specPath": "/v1/rag/ingestion_pipeline_configurations/{id}/run_info",
    "variant": null,
    "variantOf": null,
    "tag": "beta.rag.ingestion_pipeline_configurations",
    "pathParams": [
      {
        "name": "id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "UpdateRunInfo",
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
    "id": "get_deployment_summaries_v1_rag_deployments_get",
    "summary": "Get Deployment Summaries",
    "method": "GET",
    "path": "/v1/rag/deployments",
    "specPath": "/v1/rag/deployments",
    "variant": null,
    "variantOf": null,
    "tag": "beta.rag.search_indexes",
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
    "id": "register_deployment_v1_rag_deployments_put",
    "summary": "Register (or re-register) a search index",
    "method": "PUT",
    "path": "/v1/rag/deployments",
    "specPath": "/v1/rag/deployments",
    "variant": null,
    "variantOf": null,
    "tag": "beta.rag.search_indexes",
    "pathParams": [],
    "query": [],
    "headers": [],
    "body": "json",
    "bodyRequired": true,
    "bodySchema": "RegisterDeploymentRequestDeployment",
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
    "id": "unregister_deployment_v1_rag_deployments__deployment_id__delete",
    "summary": "Unregister Deployment",
    "method": "DELETE",
    "path": "/v1/rag/deployments/{deployment_id}",
    "specPath": "/v1/rag/deployments/{deployment_id}",
    "variant": null,
    "variantOf": null,
    "tag": "beta.rag.search_indexes",
    "pathParams": [
      {
        "name": "deployment_id",
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
    "id": "update_index_metrics_v1_rag_deployments__deployment_id__metrics_put",
    "summary": "Update Index Metrics",
    "method": "PUT",
    "path": "/v1/rag/deployments/{deployment_id}/metrics",
    "specPath": "/v1/rag/deployments/{deployment_id}/metrics",
    "variant": null,
    "variantOf": null,
    "tag": "beta.rag.search_indexes",
    "pathParams": [
      {
        "name": "deployment_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ],
    "query": [],
    "headers": [],
    "body": "json",
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
    "id": "jobs_api_routes_fine_tuning_get_fine_tuning_jobs",
    "summary": "Get Fine Tuning Jobs",
    "method": "GET",
    "path": "/v1/fine_tuning/jobs",
    "specPath": "/v1/fine_tuning/jobs",
    "variant": null,
    "variantOf": null,
    "tag": "deprecated.fine-tuning",
    "pathParams": [],
    "query": [
      "page",
      "page_size",
      "model",
      "created_after",
      "created_before",
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
    "spec": "2026-07-15"
  },
  {
    "id": "jobs_api_routes_fine_tuning_create_fine_tuning_job",
    "summary": "Create Fine Tuning Job",
    "method": "POST",
    "path": "/v1/fine_tuning/jobs",
    "specPath": "/v1/fine_tuning/jobs",
    "variant": null,
    "variantOf": null,
    "tag": "deprecated.fine-tuning",
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
    "spec": "2026-07-15"
  },
  {
    "id": "jobs_api_routes_fine_tuning_get_fine_tuning_job",
    "summary": "Get Fine Tuning Job",
    "method": "GET",
    "path": "/v1/fine_tuning/jobs/{job_id}",
    "specPath": "/v1/fine_tuning/jobs/{job_id}",
    "variant": null,
    "variantOf": null,
    "tag": "deprecated.fine-tuning",
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
    "spec": "2026-07-15"
  },
  {
    "id": "jobs_api_routes_fine_tuning_cancel_fine_tuning_job",
    "summary": "Cancel Fine Tuning Job",
    "method": "POST",
    "path": "/v1/fine_tuning/jobs/{job_id}/cancel",
    "specPath": "/v1/fine_tuning/jobs/{job_id}/cancel",
    "variant": null,
    "variantOf": null,
    "tag": "deprecated.fine-tuning",
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
    "spec": "2026-07-15"
  },
  {
    "id": "jobs_api_routes_fine_tuning_start_fine_tuning_job",
    "summary": "Start Fine Tuning Job",
    "method": "POST",
    "path": "/v1/fine_tuning/jobs/{job_id}/start",
    "specPath": "/v1/fine_tuning/jobs/{job_id}/start",
    "variant": null,
    "variantOf": null,
    "tag": "deprecated.fine-tuning",
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
    "spec": "2026-07-15"
  }
] as const;

/** Operations of the spec that need an admin API key or the Mistral dashboard: never served. */
export const refusedOperations = [
  {
    "id": "users_api_get_identity",
    "method": "GET",
    "path": "/v1/users/me",
    "tag": "beta.users",
    "by": "dashboard",
    "pathParams": []
  },
  {
    "id": "users_api_list_organizations",
    "method": "GET",
    "path": "/v1/users/me/organizations",
    "tag": "beta.users",
    "by": "dashboard",
    "pathParams": []
  },
  {
    "id": "users_api_list_workspaces",
    "method": "GET",
    "path": "/v1/users/me/workspaces",
    "tag": "beta.users",
    "by": "dashboard",
    "pathParams": []
  },
  {
    "id": "users_api_admin_users_get_users",
    "method": "GET",
    "path": "/v1/admin/users",
    "tag": "beta.admin.users",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_users_create_users",
    "method": "POST",
    "path": "/v1/admin/users",
    "tag": "beta.admin.users",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_users_invite_users",
    "method": "POST",
    "path": "/v1/admin/users-invite",
    "tag": "beta.admin.users",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_users_get_invite",
    "method": "GET",
    "path": "/v1/admin/users-invite",
    "tag": "beta.admin.users",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_users_delete_invite",
    "method": "DELETE",
    "path": "/v1/admin/users-invite/{invite_uuid}",
    "tag": "beta.admin.users",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "invite_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_users_update_user",
    "method": "PATCH",
    "path": "/v1/admin/users/{user_id}",
    "tag": "beta.admin.users",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "user_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_users_delete_user",
    "method": "DELETE",
    "path": "/v1/admin/users/{user_id}",
    "tag": "beta.admin.users",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "user_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_users_get_user",
    "method": "GET",
    "path": "/v1/admin/users/{user_id}",
    "tag": "beta.admin.users",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "user_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_roles_get_roles",
    "method": "GET",
    "path": "/v1/admin/roles",
    "tag": "beta.admin.users",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_workspaces_get_workspaces",
    "method": "GET",
    "path": "/v1/admin/workspaces",
    "tag": "beta.admin.workspaces",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_workspaces_create_workspace",
    "method": "POST",
    "path": "/v1/admin/workspaces",
    "tag": "beta.admin.workspaces",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_workspaces_update_workspaces",
    "method": "PATCH",
    "path": "/v1/admin/workspaces/{workspace_uuid}",
    "tag": "beta.admin.workspaces",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "workspace_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_workspaces_delete_workspaces",
    "method": "DELETE",
    "path": "/v1/admin/workspaces/{workspace_uuid}",
    "tag": "beta.admin.workspaces",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "workspace_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_workspaces_add_users_workspaces",
    "method": "POST",
    "path": "/v1/admin/workspaces/{workspace_uuid}/add-users",
    "tag": "beta.admin.workspaces",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "workspace_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_workspaces_add_or_update_users_workspaces",
    "method": "PATCH",
    "path": "/v1/admin/workspaces/{workspace_uuid}/users",
    "tag": "beta.admin.workspaces",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "workspace_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_workspaces_remove_users_workspaces",
    "method": "DELETE",
    "path": "/v1/admin/workspaces/{workspace_uuid}/remove-users",
    "tag": "beta.admin.workspaces",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "workspace_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_rate_limits_get_rate_limits",
    "method": "GET",
    "path": "/v1/admin/rate-limit",
    "tag": "beta.admin.billing",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_spend_limits_get_spend_limits",
    "method": "GET",
    "path": "/v1/admin/spend-limit",
    "tag": "beta.admin.billing",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_spend_limits_update_spend_limits",
    "method": "POST",
    "path": "/v1/admin/spend-limit",
    "tag": "beta.admin.billing",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_usage_get_usage",
    "method": "GET",
    "path": "/v1/admin/usage",
    "tag": "beta.admin.billing",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_audit_logs_get_audit_logs",
    "method": "GET",
    "path": "/v1/admin/audit-logs",
    "tag": "beta.admin.audit-logs",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_user_groups_get_user_groups",
    "method": "GET",
    "path": "/v1/admin/user-groups",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_user_groups_create_user_group",
    "method": "POST",
    "path": "/v1/admin/user-groups",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_user_groups_provision_group_to_workspace",
    "method": "POST",
    "path": "/v1/admin/user-groups/provision-workspace",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_user_groups_get_user_group",
    "method": "GET",
    "path": "/v1/admin/user-groups/{group_uuid}",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "group_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_user_groups_update_user_group",
    "method": "PATCH",
    "path": "/v1/admin/user-groups/{group_uuid}",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "group_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_user_groups_delete_user_group",
    "method": "DELETE",
    "path": "/v1/admin/user-groups/{group_uuid}",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "group_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_user_groups_get_user_group_members",
    "method": "GET",
    "path": "/v1/admin/user-groups/{group_uuid}/members",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "group_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_user_groups_assign_users_to_group",
    "method": "POST",
    "path": "/v1/admin/user-groups/{group_uuid}/members",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "group_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_user_groups_remove_users_from_group",
    "method": "DELETE",
    "path": "/v1/admin/user-groups/{group_uuid}/members",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "group_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_admin_user_groups_get_group_workspace_assignments",
    "method": "GET",
    "path": "/v1/admin/user-groups/{group_uuid}/workspaces",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "group_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_user_groups_assign_group_to_workspace",
    "method": "POST",
    "path": "/v1/admin/user-groups/{group_uuid}/workspaces",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "group_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_admin_user_groups_update_group_workspace_assignment",
    "method": "PATCH",
    "path": "/v1/admin/user-groups/{group_uuid}/workspaces/{workspace_uuid}",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "group_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "workspace_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_admin_user_groups_remove_group_from_workspace",
    "method": "DELETE",
    "path": "/v1/admin/user-groups/{group_uuid}/workspaces/{workspace_uuid}",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "group_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      },
      {
        "name": "workspace_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_admin_user_groups_update_user_group_organization_role",
    "method": "PATCH",
    "path": "/v1/admin/user-groups/{group_uuid}/organization-role",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "group_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_user_groups_get_nested_groups",
    "method": "GET",
    "path": "/v1/admin/user-groups/{group_uuid}/nested",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "group_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_user_groups_set_nested_groups",
    "method": "PATCH",
    "path": "/v1/admin/user-groups/{group_uuid}/nested",
    "tag": "beta.admin.user-groups",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "group_uuid",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_api_keys_get_api_keys",
    "method": "GET",
    "path": "/v1/admin/api-keys",
    "tag": "beta.admin.api-keys",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_api_keys_create_api_key",
    "method": "POST",
    "path": "/v1/admin/api-keys",
    "tag": "beta.admin.api-keys",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_api_keys_delete_api_key",
    "method": "DELETE",
    "path": "/v1/admin/api-keys/{key_id}",
    "tag": "beta.admin.api-keys",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "key_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "users_api_admin_scim_sync_trigger_scim_sync",
    "method": "POST",
    "path": "/v1/admin/scim/sync",
    "tag": "beta.admin.scim",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "users_api_admin_scim_sync_get_scim_sync_run",
    "method": "GET",
    "path": "/v1/admin/scim/sync/{run_id}",
    "tag": "beta.admin.scim",
    "by": "admin-key",
    "pathParams": [
      {
        "name": "run_id",
        "type": "string",
        "format": "uuid",
        "pattern": null,
        "enum": null
      }
    ]
  },
  {
    "id": "get_by_user_stats_v1_admin_analytics_vibe_work_usage_by_user_stats",
    "method": "GET",
    "path": "/v1/admin/analytics/vibe/work/usage/by_user_stats",
    "tag": "beta.admin.vibe-work-analytics",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "get_by_agent_stats_v1_admin_analytics_vibe_work_usage_by_agent_stats",
    "method": "GET",
    "path": "/v1/admin/analytics/vibe/work/usage/by_agent_stats",
    "tag": "beta.admin.vibe-work-analytics",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "get_by_time_stats_v1_admin_analytics_vibe_work_usage_by_time_stats",
    "method": "GET",
    "path": "/v1/admin/analytics/vibe/work/usage/by_time_stats",
    "tag": "beta.admin.vibe-work-analytics",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "get_workspace_stats_v1_admin_analytics_vibe_code_usage_by_workspace",
    "method": "GET",
    "path": "/v1/admin/analytics/vibe/code/usage/by_workspace",
    "tag": "beta.admin.vibe-code-analytics",
    "by": "admin-key",
    "pathParams": []
  },
  {
    "id": "get_organization_stats_v1_admin_analytics_vibe_code_usage_by_organization",
    "method": "GET",
    "path": "/v1/admin/analytics/vibe/code/usage/by_organization",
    "tag": "beta.admin.vibe-code-analytics",
    "by": "admin-key",
    "pathParams": []
  }
] as const;
